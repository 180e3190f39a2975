using EdgeSentiment.Device.Capture;
using EdgeSentiment.Device.Capture.PortAudio;

namespace EdgeSentiment.Cli.Doctor;

/// <summary>The audio probe on the agent's own PortAudio binding, opening the device the way the agent does.</summary>
public sealed class PortAudioInputProbe : IAudioInputProbe
{
    private static readonly TimeSpan Chunk = TimeSpan.FromMilliseconds(100);

    public string? FindDevice(string selector)
    {
        try
        {
            using var session = new PortAudioSession();
            return session.FindCaptureDevice(selector)?.Name;
        }
        catch (DllNotFoundException e)
        {
            throw new CaptureDeviceException("libportaudio.so.2 is not installed", e);
        }
        catch (PortAudioException e)
        {
            throw new CaptureDeviceException($"PortAudio does not start: {e.Message}", e);
        }
    }

    public AudioLevel Listen(string selector, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var device = new PortAudioDeviceOpener(selector, Chunk).Open();
        var samples = new float[(int)(device.SampleRate * duration.TotalSeconds) + device.FramesPerRead];
        var buffer = new float[device.FramesPerRead];
        var filled = 0;
        while (filled + buffer.Length <= samples.Length && filled < device.SampleRate * duration.TotalSeconds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            device.Read(buffer);
            buffer.CopyTo(samples.AsSpan(filled));
            filled += buffer.Length;
        }

        return AudioLevel.Measure(samples.AsSpan(0, filled), device.SampleRate);
    }
}
