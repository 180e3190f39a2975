namespace EdgeSentiment.Device.Storage;

/// <summary>What happened to the device; stored in clear so events can be listed without the key.</summary>
public enum DeviceEventKind
{
    Started = 0,
    Stopped = 1,
    Fault = 2,
    StorageFault = 3,
}
