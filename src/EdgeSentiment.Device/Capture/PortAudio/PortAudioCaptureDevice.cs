namespace EdgeSentiment.Device.Capture.PortAudio;

/// <summary>An open PortAudio input together with the session it lives in.</summary>
internal sealed class PortAudioCaptureDevice : ICaptureDevice
{
    private readonly PortAudioSession _session;
    private readonly PortAudioInput _input;

    public PortAudioCaptureDevice(PortAudioSession session, PortAudioInput input)
    {
        _session = session;
        _input = input;
    }

    public string Name => _input.Device.Name;

    public int SampleRate => _input.SampleRate;

    public int FramesPerRead => _input.FramesPerRead;

    public bool HasReference => _input.Split is not null;

    public bool Read(Span<float> mono)
    {
        try
        {
            return _input.Read(mono);
        }
        catch (PortAudioException e)
        {
            throw new CaptureDeviceException($"reading '{Name}' failed: {e.Message}", e);
        }
    }

    public bool Read(Span<float> microphone, Span<float> reference)
    {
        try
        {
            return _input.Read(microphone, reference);
        }
        catch (PortAudioException e)
        {
            throw new CaptureDeviceException($"reading '{Name}' failed: {e.Message}", e);
        }
    }

    public void Dispose()
    {
        _input.Dispose();
        _session.Dispose();
    }
}
