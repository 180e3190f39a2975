namespace EdgeSentiment.Device.Storage;

/// <summary>What happened to the device; stored in clear so events can be listed without the key.</summary>
public enum DeviceEventKind
{
    Started = 0,
    Stopped = 1,
    Fault = 2,
    StorageFault = 3,

    /// <summary>The review booth sealed a review into its spool (id, length, size; never content).</summary>
    ReviewSealed = 4,

    /// <summary>The broker acknowledged both parts of a review and it left the spool.</summary>
    ReviewDelivered = 5,

    /// <summary>A review was discarded whole: cut off by a power loss or a disk that failed while recording.</summary>
    ReviewDiscarded = 6,

    /// <summary>A review was refused because the spool was full.</summary>
    ReviewRefused = 7,
}
