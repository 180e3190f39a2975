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

    public int InputChannels(string selector)
    {
        try
        {
            using var session = new PortAudioSession();
            return session.FindCaptureDevice(selector)?.MaxInputChannels ?? 0;
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

    public ReferenceLevels ListenWithReference(string selector, int microphoneChannel, int referenceChannel, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var device = new PortAudioDeviceOpener(selector, Chunk, new CaptureChannels(microphoneChannel - 1, referenceChannel - 1)).Open();
        var wanted = (int)(device.SampleRate * duration.TotalSeconds);
        var reads = Math.Max(1, (wanted + device.FramesPerRead - 1) / device.FramesPerRead);
        var microphone = new float[reads * device.FramesPerRead];
        var reference = new float[microphone.Length];
        for (var read = 0; read < reads; read++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            device.Read(microphone.AsSpan(read * device.FramesPerRead, device.FramesPerRead), reference.AsSpan(read * device.FramesPerRead, device.FramesPerRead));
        }

        return new ReferenceLevels(AudioLevel.Measure(microphone, device.SampleRate), AudioLevel.Measure(reference, device.SampleRate));
    }
}
