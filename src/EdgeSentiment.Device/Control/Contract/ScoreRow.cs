using EdgeSentiment.Core.Analysis;

namespace EdgeSentiment.Device.Control.Contract;

/// <summary>Three sentiment scores, rounded to four places.</summary>
public sealed record ScoreRow(double Negative, double Neutral, double Positive)
{
    public static ScoreRow From(SentimentScores scores) =>
        new(Math.Round(scores.Negative, 4), Math.Round(scores.Neutral, 4), Math.Round(scores.Positive, 4));

    public SentimentScores ToScores() => new((float)Negative, (float)Neutral, (float)Positive);
}
