namespace EdgeSentiment.Device.Capture;

/// <summary>Opens the microphone's device and the reference's device together, as one <see cref="PairedCaptureDevice"/>.</summary>
public sealed class PairedDeviceOpener : ICaptureDeviceOpener
{
    private readonly ICaptureDeviceOpener _microphone;
    private readonly ICaptureDeviceOpener _reference;
    private readonly double _queueSeconds;

    /// <param name="microphone">Opens the microphone's device, delivering the microphone channel.</param>
    /// <param name="reference">Opens the reference's device, delivering the reference channel.</param>
    /// <param name="queueSeconds">How much of the reference is queued between the two clocks.</param>
    public PairedDeviceOpener(ICaptureDeviceOpener microphone, ICaptureDeviceOpener reference, double queueSeconds)
    {
        ArgumentNullException.ThrowIfNull(microphone);
        ArgumentNullException.ThrowIfNull(reference);
        _microphone = microphone;
        _reference = reference;
        _queueSeconds = queueSeconds;
    }

    public ICaptureDevice Open()
    {
        var microphone = _microphone.Open();
        ICaptureDevice? reference = null;
        try
        {
            reference = _reference.Open();
            return new PairedCaptureDevice(microphone, reference, _queueSeconds);
        }
        catch
        {
            reference?.Dispose();
            microphone.Dispose();
            throw;
        }
    }
}
