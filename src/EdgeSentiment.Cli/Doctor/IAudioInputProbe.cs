namespace EdgeSentiment.Cli.Doctor;

/// <summary>Finds and listens to the configured capture device; the seam that lets the audio check run without a microphone.</summary>
public interface IAudioInputProbe
{
    /// <summary>The name of the device <paramref name="selector"/> picks, or null when none matches.</summary>
    /// <exception cref="Device.Capture.CaptureDeviceException">PortAudio is not installed or does not start.</exception>
    string? FindDevice(string selector);

    /// <summary>Opens the device and reads <paramref name="duration"/> of input.</summary>
    /// <exception cref="Device.Capture.CaptureDeviceException">The device would not open (often: another process holds it) or failed.</exception>
    AudioLevel Listen(string selector, TimeSpan duration, CancellationToken cancellationToken);
}
