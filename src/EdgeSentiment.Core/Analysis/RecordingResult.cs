namespace EdgeSentiment.Core.Analysis;

/// <summary>The windows of one recording and its overall verdict.</summary>
public sealed record RecordingResult(double DurationSeconds, IReadOnlyList<WindowResult> Windows, RecordingVerdict? Verdict);
