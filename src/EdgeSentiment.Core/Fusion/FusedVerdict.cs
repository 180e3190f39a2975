using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Core.Fusion;

/// <summary>An utterance's verdict from its voice and, when the gate let them in, its words.</summary>
public sealed record FusedVerdict(SentimentLabel Label, SentimentScores Scores, bool WordsUsed);
