namespace EdgeSentiment.Device.Control.Contract;

/// <summary>The model the agent runs.</summary>
public sealed record ModelInfo(string Path, string Name, string Version, string Precision);
