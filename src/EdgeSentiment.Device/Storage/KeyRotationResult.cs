namespace EdgeSentiment.Device.Storage;

/// <summary>What <see cref="KeyRotation.Rotate"/> did: the key ids, how many records it re-sealed, how many it could not open.</summary>
public sealed record KeyRotationResult(string OldKeyId, string NewKeyId, long Resealed, long Unreadable);
