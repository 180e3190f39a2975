using EdgeSentiment.Core.Analysis;

namespace EdgeSentiment.Cli.Analyze;

/// <summary>
/// A recording as the user named it, with what the pipeline found in it; with <c>--words</c>, each
/// utterance's transcript and verdicts (null otherwise).
/// </summary>
public sealed record FileReport(string File, RecordingResult Result, IReadOnlyList<UtteranceReport>? Utterances = null);
