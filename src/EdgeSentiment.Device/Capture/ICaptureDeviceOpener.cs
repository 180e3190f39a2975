namespace EdgeSentiment.Device.Capture;

/// <summary>Finds and opens the configured input device; called again after every failure.</summary>
public interface ICaptureDeviceOpener
{
    /// <exception cref="CaptureDeviceException">The device is missing or would not open.</exception>
    ICaptureDevice Open();
}
