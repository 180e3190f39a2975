using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Device.Booth;

/// <summary>Three sentiment scores and their top label, as the review document writes them.</summary>
public sealed record ReviewScores(string Label, float Negative, float Neutral, float Positive)
{
    public static ReviewScores From(SentimentScores scores) =>
        new(scores.Top.ToWord(), scores.Negative, scores.Neutral, scores.Positive);
}
