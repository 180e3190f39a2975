using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Core.Analysis;

/// <summary>The model's probabilities for the three labels.</summary>
public readonly record struct SentimentScores(float Negative, float Neutral, float Positive)
{
    public float this[SentimentLabel label] => label switch
    {
        SentimentLabel.Negative => Negative,
        SentimentLabel.Neutral => Neutral,
        SentimentLabel.Positive => Positive,
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, "not a sentiment label"),
    };

    /// <summary>The label with the highest score; ties go to the earlier label (negative, neutral, positive).</summary>
    public SentimentLabel Top =>
        Negative >= Neutral && Negative >= Positive ? SentimentLabel.Negative
        : Neutral >= Positive ? SentimentLabel.Neutral
        : SentimentLabel.Positive;

    public static SentimentScores FromSpan(ReadOnlySpan<float> probabilities) =>
        new(probabilities[0], probabilities[1], probabilities[2]);
}
