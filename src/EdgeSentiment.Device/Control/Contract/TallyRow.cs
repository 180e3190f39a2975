using EdgeSentiment.Core.Summaries;

namespace EdgeSentiment.Device.Control.Contract;

/// <summary>A <see cref="SentimentTally"/> on the wire.</summary>
public sealed record TallyRow(int Windows, int SpeechWindows, int Negative, int Neutral, int Positive, ScoreRow MeanScores, double SpeechRatio)
{
    public static TallyRow From(SentimentTally tally) => new(
        tally.WindowCount,
        tally.SpeechWindowCount,
        tally.NegativeCount,
        tally.NeutralCount,
        tally.PositiveCount,
        ScoreRow.From(tally.MeanScores),
        Math.Round(tally.SpeechRatio, 4));

    public SentimentTally ToTally() => new(Windows, SpeechWindows, Negative, Neutral, Positive, MeanScores.ToScores());
}
