namespace EdgeSentiment.Device.Storage;

/// <summary>What <see cref="StoreProbe"/> found: the key id of the records, how many there are, and how many of the newest it decrypted.</summary>
/// <param name="KeyId">The key the records are sealed with; null for a new, empty database.</param>
/// <param name="Records">Records in the sealed collections.</param>
/// <param name="Checked">The newest record of each non-empty collection, decrypted to prove the key.</param>
/// <param name="Unreadable">Of those, the ones that failed authentication.</param>
public sealed record StoreProbeResult(string? KeyId, long Records, int Checked, int Unreadable);
