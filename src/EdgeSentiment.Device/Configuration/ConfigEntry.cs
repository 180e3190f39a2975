namespace EdgeSentiment.Device.Configuration;

/// <summary>One configuration key, its effective value (null when redacted or unset) and where that value came from.</summary>
public sealed record ConfigEntry(string Key, string? Value, string Source, bool Redacted);
