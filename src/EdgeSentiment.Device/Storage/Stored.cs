namespace EdgeSentiment.Device.Storage;

/// <summary>A record read back from the store: its id, its indexed time and its decrypted value.</summary>
public readonly record struct Stored<T>(Guid Id, DateTime TimeUtc, T Value);
