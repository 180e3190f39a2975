using EdgeSentiment.Core.Analysis;

namespace EdgeSentiment.Cli.Analyze;

/// <summary>A recording as the user named it, with what the pipeline found in it.</summary>
public sealed record FileReport(string File, RecordingResult Result);
