namespace EdgeSentiment.Core.Inference;

/// <summary>The words for <see cref="SentimentLabel"/> used in JSON, CSV and on screen.</summary>
public static class SentimentLabels
{
    public const int Count = 3;

    public static string ToWord(this SentimentLabel label) => label switch
    {
        SentimentLabel.Negative => "negative",
        SentimentLabel.Neutral => "neutral",
        SentimentLabel.Positive => "positive",
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, "not a sentiment label"),
    };

    public static bool TryParse(string? word, out SentimentLabel label)
    {
        switch (word?.Trim().ToUpperInvariant())
        {
            case "NEGATIVE":
                label = SentimentLabel.Negative;
                return true;
            case "NEUTRAL":
                label = SentimentLabel.Neutral;
                return true;
            case "POSITIVE":
                label = SentimentLabel.Positive;
                return true;
            default:
                label = default;
                return false;
        }
    }
}
