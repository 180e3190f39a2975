namespace EdgeSentiment.Cli.Doctor;

/// <summary>Finds and listens to the configured capture device; the seam that lets the audio check run without a microphone.</summary>
public interface IAudioInputProbe
{
    /// <summary>The name of the device <paramref name="selector"/> picks, or null when none matches.</summary>
    /// <exception cref="Device.Capture.CaptureDeviceException">PortAudio is not installed or does not start.</exception>
    string? FindDevice(string selector);

    /// <summary>How many input channels the device <paramref name="selector"/> picks has, 0 when none matches.</summary>
    /// <exception cref="Device.Capture.CaptureDeviceException">PortAudio is not installed or does not start.</exception>
    int InputChannels(string selector);

    /// <summary>Opens the device and reads <paramref name="duration"/> of input.</summary>
    /// <exception cref="Device.Capture.CaptureDeviceException">The device would not open (often: another process holds it) or failed.</exception>
    AudioLevel Listen(string selector, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Opens the device the way the agent does with a soundtrack reference and reads <paramref name="duration"/> of both channels.</summary>
    /// <param name="selector">"default", a device index, or part of its name.</param>
    /// <param name="microphoneChannel">The microphone's channel, counted from 1.</param>
    /// <param name="referenceChannel">The reference's channel, counted from 1.</param>
    /// <param name="duration">How long to listen.</param>
    /// <param name="cancellationToken">Stops listening.</param>
    /// <exception cref="Device.Capture.CaptureDeviceException">The device would not open (often: another process holds it) or failed.</exception>
    ReferenceLevels ListenWithReference(string selector, int microphoneChannel, int referenceChannel, TimeSpan duration, CancellationToken cancellationToken);
}
