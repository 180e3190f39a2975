using EdgeSentiment.Device.Storage;

namespace EdgeSentiment.Device.Control.Contract;

/// <summary>A device event recorded in the store: a fault, or what became of a booth review.</summary>
public sealed record FaultRow(DateTime TimeUtc, DeviceEventKind Kind, string Detail);
