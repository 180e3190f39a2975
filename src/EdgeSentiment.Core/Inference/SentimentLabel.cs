namespace EdgeSentiment.Core.Inference;

/// <summary>The three classes, in the order the pipeline stores scores.</summary>
public enum SentimentLabel
{
    Negative = 0,
    Neutral = 1,
    Positive = 2,
}
