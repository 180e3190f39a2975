using System.Numerics;

namespace EdgeSentiment.Core.Audio;

/// <summary>Anti-aliased rational resampler (polyphase Kaiser-windowed sinc) that keeps its state between chunks.</summary>
/// <remarks>
/// Output sample k is the input band-limited to 0.95 of the lower Nyquist frequency and evaluated at time
/// k / outputRate, so the output lines up with the input (no delay) and the result does not depend on how
/// the input was cut into chunks. Passband flat to 0.9 of the lower Nyquist, stopband from 1.0 of it at
/// <see cref="StopbandAttenuationDb"/>. Equal rates copy samples through unfiltered.
/// Allocates only in the constructor; <see cref="Process"/> and <see cref="Flush"/> write into caller buffers.
/// </remarks>
public sealed class StreamingResampler
{
    /// <summary>Designed stopband attenuation in dB.</summary>
    public const double StopbandAttenuationDb = 70;

    /// <summary>Passband edge as a fraction of the lower of the two Nyquist frequencies.</summary>
    public const double PassbandFraction = 0.9;

    /// <summary>Highest sample rate accepted on either side.</summary>
    public const int MaxSampleRate = 768_000;

    // Bounds the phase table (16 MiB of floats); only odd, non-standard rate pairs come near it.
    private const long MaxTableTaps = 1L << 22;

    // Input is staged through this many samples at a time after the retained history.
    private const int StagingSamples = 4096;

    private readonly int _up;
    private readonly int _down;
    private readonly int _tapsPerPhase;
    private readonly long _offset;
    private readonly float[] _taps;
    private readonly float[] _buffer;
    private readonly bool _passThrough;

    private long _bufferStart;
    private int _bufferLength;
    private long _inputCount;
    private long _outputCount;
    private bool _flushed;

    /// <summary>Designs the filter for converting <paramref name="inputRate"/> to <paramref name="outputRate"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A rate is not in 1..<see cref="MaxSampleRate"/>.</exception>
    /// <exception cref="ArgumentException">The rates reduce to a ratio too fine to build a filter table for.</exception>
    public StreamingResampler(int inputRate, int outputRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(inputRate, MaxSampleRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(outputRate, MaxSampleRate);

        InputRate = inputRate;
        OutputRate = outputRate;
        int gcd = GreatestCommonDivisor(inputRate, outputRate);
        _up = outputRate / gcd;
        _down = inputRate / gcd;
        _passThrough = inputRate == outputRate;
        if (_passThrough)
        {
            _taps = [];
            _buffer = [];
            return;
        }

        // The filter runs at the virtual rate inputRate * up; frequencies below are relative to it.
        double protoRate = (double)inputRate * _up;
        double nyquist = Math.Min(inputRate, outputRate) / 2.0;
        double transition = (1 - PassbandFraction) * nyquist / protoRate;
        double cutoff = (1 + PassbandFraction) / 2 * nyquist / protoRate;
        int length = KaiserLowPass.Length(StopbandAttenuationDb, transition);
        _tapsPerPhase = (length + _up - 1) / _up;
        long tableTaps = (long)_tapsPerPhase * _up;
        if (tableTaps > MaxTableTaps)
        {
            throw new ArgumentException(
                $"Resampling {inputRate} Hz to {outputRate} Hz needs a {tableTaps}-tap filter, over the {MaxTableTaps} supported; resample to a standard rate first (e.g. sox in.wav -r 48000 out.wav).",
                nameof(inputRate));
        }

        double[] prototype = new double[tableTaps];
        KaiserLowPass.Design(prototype, cutoff, KaiserLowPass.Beta(StopbandAttenuationDb), _up);

        // Phase p holds taps p, p+up, p+2up, ... reversed, so each output is a dot product with
        // a contiguous run of input history, oldest sample first.
        _taps = new float[tableTaps];
        for (int p = 0; p < _up; p++)
        {
            for (int m = 0; m < _tapsPerPhase; m++)
            {
                _taps[(p * _tapsPerPhase) + m] = (float)prototype[p + ((_tapsPerPhase - 1 - m) * _up)];
            }
        }

        _offset = (tableTaps - 1) / 2;
        _buffer = new float[_tapsPerPhase - 1 + StagingSamples];
        Reset();
    }

    /// <summary>Sample rate of the input, in Hz.</summary>
    public int InputRate { get; }

    /// <summary>Sample rate of the output, in Hz.</summary>
    public int OutputRate { get; }

    /// <summary>How far an output sample looks ahead of the newest input it needs: the added latency.</summary>
    public TimeSpan Latency => _passThrough
        ? TimeSpan.Zero
        : TimeSpan.FromSeconds((double)_offset / _up / InputRate);

    /// <summary>Most samples <see cref="Flush"/> can write; size its buffer with this.</summary>
    public int MaxFlushLength => _passThrough ? 0 : (int)(_offset / _down) + 2;

    /// <summary>Most samples one <see cref="Process"/> call with <paramref name="inputLength"/> samples can write.</summary>
    /// <remarks>Independent of the state, so a capture loop can size its output buffer once.</remarks>
    public int MaxOutputLength(int inputLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        return (int)CeilDiv((long)inputLength * _up, _down);
    }

    /// <summary>Number of output samples a whole recording of <paramref name="inputLength"/> samples turns into.</summary>
    public long TotalOutputLength(long inputLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        return CeilDiv(inputLength * _up, _down);
    }

    /// <summary>Consumes all of <paramref name="input"/> and writes the output samples it completes.</summary>
    /// <param name="input">The next chunk of input at <see cref="InputRate"/>.</param>
    /// <param name="output">At least <see cref="MaxOutputLength"/>(input.Length) samples.</param>
    /// <returns>The number of samples written to <paramref name="output"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="output"/> is too small.</exception>
    /// <exception cref="InvalidOperationException"><see cref="Flush"/> was called without <see cref="Reset"/>.</exception>
    public int Process(ReadOnlySpan<float> input, Span<float> output)
    {
        if (_flushed)
        {
            throw new InvalidOperationException("The resampler was flushed; call Reset() before feeding it a new stream.");
        }

        long due = AvailableOutputs(_inputCount + input.Length) - _outputCount;
        if (output.Length < due)
        {
            throw new ArgumentException($"The output holds {output.Length} samples but {due} are due; size it with MaxOutputLength.", nameof(output));
        }

        if (_passThrough)
        {
            input.CopyTo(output);
            _inputCount += input.Length;
            _outputCount += input.Length;
            return input.Length;
        }

        int written = 0;
        while (!input.IsEmpty)
        {
            int take = Math.Min(input.Length, _buffer.Length - _bufferLength);
            input[..take].CopyTo(_buffer.AsSpan(_bufferLength));
            _bufferLength += take;
            _inputCount += take;
            input = input[take..];
            written += Drain(output[written..], long.MaxValue);
        }

        return written;
    }

    /// <summary>Ends the stream: writes the remaining outputs, treating the input after its end as silence.</summary>
    /// <param name="output">At least <see cref="MaxFlushLength"/> samples.</param>
    /// <returns>The number of samples written; the total output is then <see cref="TotalOutputLength"/> of the input.</returns>
    public int Flush(Span<float> output)
    {
        if (_flushed || _passThrough)
        {
            _flushed = true;
            return 0;
        }

        long target = TotalOutputLength(_inputCount);
        long due = target - _outputCount;
        if (output.Length < due)
        {
            throw new ArgumentException($"The output holds {output.Length} samples but {due} are due; size it with MaxFlushLength.", nameof(output));
        }

        int written = 0;
        while (_outputCount < target)
        {
            int zeros = _buffer.Length - _bufferLength;
            _buffer.AsSpan(_bufferLength, zeros).Clear();
            _bufferLength += zeros;
            written += Drain(output[written..], target);
        }

        _flushed = true;
        return written;
    }

    /// <summary>Forgets all input so the next <see cref="Process"/> starts a new stream.</summary>
    public void Reset()
    {
        _inputCount = 0;
        _outputCount = 0;
        _flushed = false;
        if (_passThrough)
        {
            return;
        }

        // The history before the first sample is silence.
        _bufferStart = -(_tapsPerPhase - 1);
        _bufferLength = _tapsPerPhase - 1;
        _buffer.AsSpan(0, _bufferLength).Clear();
    }

    /// <summary>Resamples a whole recording in one go with a fresh resampler.</summary>
    public static float[] Resample(ReadOnlySpan<float> input, int inputRate, int outputRate)
    {
        var resampler = new StreamingResampler(inputRate, outputRate);
        float[] output = new float[resampler.TotalOutputLength(input.Length)];
        int written = resampler.Process(input, output);
        resampler.Flush(output.AsSpan(written));
        return output;
    }

    /// <summary>Writes every output whose filter window lies in the buffer, then drops history no longer needed.</summary>
    private int Drain(Span<float> output, long limit)
    {
        long bufferEnd = _bufferStart + _bufferLength;
        int written = 0;
        while (_outputCount < limit)
        {
            long t = (_outputCount * _down) + _offset;
            long newest = t / _up;
            if (newest >= bufferEnd)
            {
                break;
            }

            int phase = (int)(t % _up);
            int start = (int)(newest - _tapsPerPhase + 1 - _bufferStart);
            output[written++] = Dot(
                _taps.AsSpan(phase * _tapsPerPhase, _tapsPerPhase),
                _buffer.AsSpan(start, _tapsPerPhase));
            _outputCount++;
        }

        long keepFrom = (((_outputCount * _down) + _offset) / _up) - _tapsPerPhase + 1;
        int drop = (int)Math.Clamp(keepFrom - _bufferStart, 0, _bufferLength);
        if (drop > 0)
        {
            _buffer.AsSpan(drop, _bufferLength - drop).CopyTo(_buffer);
            _bufferStart += drop;
            _bufferLength -= drop;
        }

        return written;
    }

    /// <summary>Outputs whose newest input sample is before <paramref name="inputEnd"/>.</summary>
    private long AvailableOutputs(long inputEnd) => _passThrough
        ? inputEnd
        : Math.Max(0, CeilDiv((inputEnd * _up) - _offset, _down));

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int i = 0;
        float sum = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<float>.Count)
        {
            var acc = Vector<float>.Zero;
            for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                acc += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
            }

            sum = Vector.Sum(acc);
        }

        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static long CeilDiv(long numerator, long denominator) =>
        numerator <= 0 ? -(-numerator / denominator) : ((numerator - 1) / denominator) + 1;

    private static int GreatestCommonDivisor(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
