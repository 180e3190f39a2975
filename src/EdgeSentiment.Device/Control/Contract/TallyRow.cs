using EdgeSentiment.Core.Summaries;

namespace EdgeSentiment.Device.Control.Contract;

/// <summary>
/// A <see cref="SentimentTally"/> on the wire. The film's fields are 0 without a soundtrack
/// reference, and in replies from agents that did not count them.
/// </summary>
public sealed record TallyRow(
    int Windows,
    int SpeechWindows,
    int Negative,
    int Neutral,
    int Positive,
    ScoreRow MeanScores,
    double SpeechRatio,
    int FilmWindows = 0,
    int AudienceOverFilm = 0,
    double FilmRatio = 0,
    double AudienceOverFilmRatio = 0)
{
    public static TallyRow From(SentimentTally tally) => new(
        tally.WindowCount,
        tally.SpeechWindowCount,
        tally.NegativeCount,
        tally.NeutralCount,
        tally.PositiveCount,
        ScoreRow.From(tally.MeanScores),
        Math.Round(tally.SpeechRatio, 4),
        tally.FilmWindowCount,
        tally.AudienceOverFilmCount,
        Math.Round(tally.FilmRatio, 4),
        Math.Round(tally.AudienceOverFilmRatio, 4));

    public SentimentTally ToTally() => new(Windows, SpeechWindows, Negative, Neutral, Positive, MeanScores.ToScores(), FilmWindows, AudienceOverFilm);
}
