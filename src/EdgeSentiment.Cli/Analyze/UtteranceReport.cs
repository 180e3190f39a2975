using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Fusion;

namespace EdgeSentiment.Cli.Analyze;

/// <summary>One utterance of <c>analyze --words</c>: what was said, what the voice and the words say, and the fused verdict.</summary>
public sealed record UtteranceReport(
    Utterance Utterance,
    string Transcript,
    float TranscriptConfidence,
    int WordCount,
    SentimentScores Voice,
    SentimentScores? Text,
    FusedVerdict Fused);
