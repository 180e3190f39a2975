namespace EdgeSentiment.Cli.Features;

/// <summary>Counts of one export run.</summary>
public sealed record ExportSummary(int Exported, int Failed, long Frames);
