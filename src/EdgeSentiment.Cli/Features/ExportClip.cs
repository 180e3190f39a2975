namespace EdgeSentiment.Cli.Features;

/// <summary>One manifest row: the path as written (for the output), where it resolves to, and the label as text.</summary>
public sealed record ExportClip(string Path, string FullPath, string Label);
