using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Core.Summaries;

/// <summary>What a stretch of windows added up to: counts per label, mean scores over speech, speech ratio.</summary>
public readonly record struct SentimentTally(
    int WindowCount,
    int SpeechWindowCount,
    int NegativeCount,
    int NeutralCount,
    int PositiveCount,
    SentimentScores MeanScores)
{
    /// <summary>The share of windows that held speech, 0 when there were none.</summary>
    public double SpeechRatio => WindowCount == 0 ? 0 : (double)SpeechWindowCount / WindowCount;

    public int CountOf(SentimentLabel label) => label switch
    {
        SentimentLabel.Negative => NegativeCount,
        SentimentLabel.Neutral => NeutralCount,
        SentimentLabel.Positive => PositiveCount,
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, "not a sentiment label"),
    };
}
