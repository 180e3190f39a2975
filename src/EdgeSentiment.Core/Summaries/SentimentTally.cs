using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Core.Summaries;

/// <summary>
/// What a stretch of windows added up to: counts per label, mean scores over speech, speech ratio,
/// and with a soundtrack reference the windows that were the film's (<c>FilmWindowCount</c>) and
/// those where the audience spoke while the film did (<c>AudienceOverFilmCount</c>). Both are 0
/// without a reference, and in tallies stored before they were counted.
/// </summary>
public readonly record struct SentimentTally(
    int WindowCount,
    int SpeechWindowCount,
    int NegativeCount,
    int NeutralCount,
    int PositiveCount,
    SentimentScores MeanScores,
    int FilmWindowCount = 0,
    int AudienceOverFilmCount = 0)
{
    /// <summary>The share of windows that held speech, 0 when there were none.</summary>
    public double SpeechRatio => WindowCount == 0 ? 0 : (double)SpeechWindowCount / WindowCount;

    /// <summary>The share of windows that were the film's, 0 when there were none.</summary>
    public double FilmRatio => WindowCount == 0 ? 0 : (double)FilmWindowCount / WindowCount;

    /// <summary>The share of windows in which the audience spoke over the film, 0 when there were none.</summary>
    public double AudienceOverFilmRatio => WindowCount == 0 ? 0 : (double)AudienceOverFilmCount / WindowCount;

    public int CountOf(SentimentLabel label) => label switch
    {
        SentimentLabel.Negative => NegativeCount,
        SentimentLabel.Neutral => NeutralCount,
        SentimentLabel.Positive => PositiveCount,
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, "not a sentiment label"),
    };
}
