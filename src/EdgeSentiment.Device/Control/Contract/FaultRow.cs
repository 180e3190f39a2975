using EdgeSentiment.Device.Storage;

namespace EdgeSentiment.Device.Control.Contract;

/// <summary>A fault recorded in the store's device events.</summary>
public sealed record FaultRow(DateTime TimeUtc, DeviceEventKind Kind, string Detail);
