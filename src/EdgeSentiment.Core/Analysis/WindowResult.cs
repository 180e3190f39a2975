using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Core.Analysis;

/// <summary>
/// What one analysis window held: speech or not, the model's scores, the audio level, and
/// whether the speech was the film's (only with a soundtrack reference; see docs/auditorium.md).
/// </summary>
public readonly record struct WindowResult(
    TimeSpan Start,
    TimeSpan End,
    bool IsSpeech,
    SentimentScores Scores,
    float LevelDbfs,
    bool IsFilm = false)
{
    /// <summary>Speech from the audience: speech that is not the film's.</summary>
    public bool IsAudienceSpeech => IsSpeech && !IsFilm;

    /// <summary>The window's sentiment; none when nobody in the audience spoke in it.</summary>
    public SentimentLabel? Label => IsAudienceSpeech ? Scores.Top : null;
}
