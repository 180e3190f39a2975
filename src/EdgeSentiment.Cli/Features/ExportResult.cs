namespace EdgeSentiment.Cli.Features;

/// <summary>What became of one clip: its features (row-major [frame, band]) or why it has none.</summary>
public sealed record ExportResult(ExportClip Clip, float[]? Features, int Frames, string? Error);
