using EdgeSentiment.Device.Pipeline;

namespace EdgeSentiment.Device.Capture.PortAudio;

/// <summary>Opens the configured PortAudio input in a fresh session, so a re-plugged device is found again.</summary>
public sealed class PortAudioDeviceOpener : ICaptureDeviceOpener
{
    private readonly string? _selector;
    private readonly TimeSpan _bufferDuration;
    private readonly CaptureChannels? _split;

    /// <param name="selector">"default", a device index, or part of its name.</param>
    /// <param name="bufferDuration">Audio per read.</param>
    /// <param name="split">With a soundtrack reference on the same device: which channel is which.</param>
    public PortAudioDeviceOpener(string? selector, TimeSpan bufferDuration, CaptureChannels? split = null)
    {
        _selector = selector;
        _bufferDuration = bufferDuration;
        _split = split;
    }

    public ICaptureDevice Open()
    {
        PortAudioSession session;
        try
        {
            session = new PortAudioSession();
        }
        catch (Exception e) when (e is PortAudioException or DllNotFoundException)
        {
            throw new CaptureDeviceException($"PortAudio is not available: {e.Message} (install libportaudio2)", e);
        }

        try
        {
            var device = session.FindCaptureDevice(_selector)
                ?? throw new CaptureDeviceException(
                    $"no capture device matches '{_selector ?? "default"}'; 'edgesentiment devices' lists the ones present");
            var input = session.OpenInput(device, CaptureFormat.SampleRate, _bufferDuration, _split);
            return new PortAudioCaptureDevice(session, input);
        }
        catch (PortAudioException e)
        {
            session.Dispose();
            throw new CaptureDeviceException(e.Message, e);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }
}
