namespace EdgeSentiment.Core.Audio;

/// <summary>A WAV recording read a block at a time as mono at the pipeline's rate: any length in constant memory.</summary>
public sealed class RecordingReader : IDisposable
{
    // Frames read from the file per block: 0.1 s at 48 kHz.
    private const int BlockFrames = 4800;

    private readonly WavMonoReader _wav;
    private readonly StreamingResampler? _resampler;
    private readonly float[] _input = new float[BlockFrames];
    private readonly float[] _output;
    private bool _ended;

    private RecordingReader(WavMonoReader wav, int sampleRate, string source)
    {
        _wav = wav;
        SampleRate = sampleRate;
        var rate = wav.Format.SampleRate;
        if (rate != sampleRate)
        {
            _resampler = ResamplerFor(rate, sampleRate, source);
        }

        _output = _resampler is null ? [] : new float[Math.Max(_resampler.MaxOutputLength(BlockFrames), _resampler.MaxFlushLength)];
        ExpectedSamples = wav.FrameCount is not { } frames ? null
            : _resampler is null ? frames
            : _resampler.TotalOutputLength(frames);
    }

    /// <summary>The rate of the samples <see cref="ReadBlock"/> returns.</summary>
    public int SampleRate { get; }

    /// <summary>How many samples the whole recording gives at <see cref="SampleRate"/>, when known before reading it.</summary>
    public long? ExpectedSamples { get; }

    /// <summary>Opens <paramref name="path"/> to be read as mono at <paramref name="sampleRate"/>.</summary>
    /// <exception cref="AudioFormatException">The file is missing, unreadable, damaged, not a supported WAV, or at a rate with no practical conversion.</exception>
    public static RecordingReader Open(string path, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sampleRate, StreamingResampler.MaxSampleRate);
        var wav = WavMonoReader.Open(path);
        try
        {
            return new RecordingReader(wav, sampleRate, path);
        }
        catch
        {
            wav.Dispose();
            throw;
        }
    }

    /// <summary>The next samples of the recording, valid until the next call; empty at its end.</summary>
    /// <exception cref="AudioFormatException">The recording turns out truncated or damaged part way through.</exception>
    public ReadOnlySpan<float> ReadBlock()
    {
        while (!_ended)
        {
            int frames = _wav.Read(_input);
            if (_resampler is null)
            {
                _ended = frames == 0;
                return _input.AsSpan(0, frames);
            }

            if (frames == 0)
            {
                _ended = true;
                return _output.AsSpan(0, _resampler.Flush(_output));
            }

            int written = _resampler.Process(_input.AsSpan(0, frames), _output);
            if (written > 0)
            {
                return _output.AsSpan(0, written);
            }
        }

        return [];
    }

    public void Dispose() => _wav.Dispose();

    /// <summary>A resampler from <paramref name="inputRate"/> to <paramref name="outputRate"/>, or a one-line error naming the file.</summary>
    internal static StreamingResampler ResamplerFor(int inputRate, int outputRate, string source)
    {
        try
        {
            return new StreamingResampler(inputRate, outputRate);
        }
        catch (ArgumentException)
        {
            // Only odd rates whose ratio to the target needs an oversized filter table end up here.
            throw AudioFormatException.For(source, $"its sample rate of {inputRate} Hz has no practical conversion to {outputRate} Hz; resample it to a standard rate first, e.g. sox in.wav -r 48000 out.wav");
        }
    }
}
