namespace EdgeSentiment.Agent.Capture;

/// <summary>
/// Converts a device's rate to 16 kHz chunk by chunk, keeping state between chunks:
/// a fourth-order low-pass below the new Nyquist rate, then linear interpolation.
/// </summary>
public sealed class StreamingResampler16k
{
    public const int TargetRate = 16000;

    private readonly double _step;
    private readonly bool _filter;
    private readonly Biquad _first;
    private readonly Biquad _second;
    private float[] _filtered = [];
    private double _time;
    private float _previous;

    public StreamingResampler16k(int inputRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputRate);
        InputRate = inputRate;
        _step = (double)inputRate / TargetRate;
        _filter = inputRate > TargetRate;
        _first = Biquad.LowPass(inputRate, 0.45 * TargetRate);
        _second = Biquad.LowPass(inputRate, 0.45 * TargetRate);
    }

    public int InputRate { get; }

    /// <summary>Room the output needs for an input of <paramref name="inputLength"/> samples.</summary>
    public int MaxOutputLength(int inputLength) => (int)Math.Ceiling(inputLength / _step) + 2;

    /// <summary>Resamples <paramref name="input"/> into <paramref name="output"/>; returns the samples written.</summary>
    public int Process(ReadOnlySpan<float> input, Span<float> output)
    {
        if (input.IsEmpty)
        {
            return 0;
        }

        if (InputRate == TargetRate)
        {
            input.CopyTo(output);
            return input.Length;
        }

        ReadOnlySpan<float> source = input;
        if (_filter)
        {
            if (_filtered.Length < input.Length)
            {
                // Grows once to the device's read size, then stays.
                _filtered = new float[input.Length];
            }

            var filtered = _filtered.AsSpan(0, input.Length);
            _first.Process(input, filtered);
            _second.Process(filtered, filtered);
            source = filtered;
        }

        var written = 0;
        var last = source.Length - 1;
        while (_time <= last && written < output.Length)
        {
            var index = (int)Math.Floor(_time);
            var fraction = (float)(_time - index);
            var a = index < 0 ? _previous : source[index];
            var b = index < last ? source[index + 1] : a;
            output[written++] = a + ((b - a) * fraction);
            _time += _step;
        }

        _time -= source.Length;
        _previous = source[last];
        return written;
    }
}
