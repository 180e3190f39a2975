namespace EdgeSentiment.Device.Capture.PortAudio;

/// <summary>A started blocking input stream; reads mono float frames at <see cref="SampleRate"/>.</summary>
public sealed unsafe class PortAudioInput : IDisposable
{
    private readonly PortAudioStreamHandle _handle;
    private readonly float[] _interleaved;

    internal PortAudioInput(PortAudioStreamHandle handle, CaptureDeviceInfo device, int sampleRate, int channels, int framesPerRead, CaptureChannels? split = null)
    {
        _handle = handle;
        Device = device;
        SampleRate = sampleRate;
        Channels = channels;
        FramesPerRead = framesPerRead;
        Split = split;
        _interleaved = new float[framesPerRead * channels];
    }

    /// <summary>Which channel is the microphone and which the reference; null when every channel is the microphone.</summary>
    public CaptureChannels? Split { get; }

    public CaptureDeviceInfo Device { get; }

    public int SampleRate { get; }

    public int Channels { get; }

    /// <summary>Frames one each read returns.</summary>
    public int FramesPerRead { get; }

    /// <summary>
    /// Blocks until <see cref="FramesPerRead"/> frames have arrived and writes them, mixed to mono,
    /// into <paramref name="mono"/>.
    /// </summary>
    /// <returns>True when PortAudio reported an input overflow (audio was lost before this read).</returns>
    /// <exception cref="PortAudioException">The device failed, e.g. it was unplugged.</exception>
    public bool Read(Span<float> mono)
    {
        if (mono.Length < FramesPerRead)
        {
            throw new ArgumentException($"room for {FramesPerRead} frames is needed", nameof(mono));
        }

        var overflowed = ReadInterleaved();
        if (Split is { } split)
        {
            Pick(_interleaved, Channels, split.Microphone, mono[..FramesPerRead]);
        }
        else
        {
            Downmix(_interleaved, Channels, mono[..FramesPerRead]);
        }

        return overflowed;
    }

    /// <summary>
    /// Blocks until <see cref="FramesPerRead"/> frames have arrived and writes the microphone's
    /// channel to <paramref name="microphone"/> and the reference's to <paramref name="reference"/>.
    /// </summary>
    /// <returns>True when PortAudio reported an input overflow.</returns>
    /// <exception cref="PortAudioException">The device failed, e.g. it was unplugged.</exception>
    /// <exception cref="InvalidOperationException">The input was opened without a reference channel.</exception>
    public bool Read(Span<float> microphone, Span<float> reference)
    {
        var split = Split ?? throw new InvalidOperationException($"'{Device.Name}' was opened without a reference channel");
        if (microphone.Length < FramesPerRead || reference.Length < FramesPerRead)
        {
            throw new ArgumentException($"room for {FramesPerRead} frames is needed", nameof(microphone));
        }

        var overflowed = ReadInterleaved();
        Pick(_interleaved, Channels, split.Microphone, microphone[..FramesPerRead]);
        Pick(_interleaved, Channels, split.Reference, reference[..FramesPerRead]);
        return overflowed;
    }

    public void Dispose() => _handle.Dispose();

    private bool ReadInterleaved()
    {
        var added = false;
        _handle.DangerousAddRef(ref added);
        int code;
        try
        {
            fixed (float* buffer = _interleaved)
            {
                code = PortAudioNative.ReadStream(_handle.DangerousGetHandle(), buffer, (nuint)FramesPerRead);
            }
        }
        finally
        {
            if (added)
            {
                _handle.DangerousRelease();
            }
        }

        if (code < 0 && code != PortAudioNative.InputOverflowed)
        {
            throw new PortAudioException("Pa_ReadStream", code);
        }

        return code == PortAudioNative.InputOverflowed;
    }

    private static void Pick(ReadOnlySpan<float> interleaved, int channels, int channel, Span<float> mono)
    {
        for (var frame = 0; frame < mono.Length; frame++)
        {
            mono[frame] = interleaved[(frame * channels) + channel];
        }
    }

    private static void Downmix(ReadOnlySpan<float> interleaved, int channels, Span<float> mono)
    {
        if (channels == 1)
        {
            interleaved[..mono.Length].CopyTo(mono);
            return;
        }

        var scale = 1f / channels;
        for (var frame = 0; frame < mono.Length; frame++)
        {
            var sum = 0f;
            var offset = frame * channels;
            for (var channel = 0; channel < channels; channel++)
            {
                sum += interleaved[offset + channel];
            }

            mono[frame] = sum * scale;
        }
    }
}
