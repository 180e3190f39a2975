namespace EdgeSentiment.Device.Storage;

/// <summary>A fault, start or stop of the device, with a sentence for the technician.</summary>
public sealed record DeviceEvent(DateTime TimeUtc, DeviceEventKind Kind, string Detail);
