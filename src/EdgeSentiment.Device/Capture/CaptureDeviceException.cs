namespace EdgeSentiment.Device.Capture;

/// <summary>The input device is missing, would not open, or failed while reading.</summary>
public sealed class CaptureDeviceException : Exception
{
    public CaptureDeviceException()
    {
    }

    public CaptureDeviceException(string message)
        : base(message)
    {
    }

    public CaptureDeviceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
