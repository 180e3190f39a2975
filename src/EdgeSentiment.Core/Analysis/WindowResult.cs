using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Core.Analysis;

/// <summary>
/// What one analysis window held: speech or not, the model's scores, the audio level, and, with
/// a soundtrack reference, whether the film spoke in it and whether what the microphone kept was
/// the film's (see docs/auditorium.md). <c>IsFilm</c>: the film speaks and what is left after
/// cancelling follows it, so the window is the film's, not the audience's. <c>FilmSpeaks</c>: the
/// reference carries speech, whether or not the window was the film's.
/// </summary>
public readonly record struct WindowResult(
    TimeSpan Start,
    TimeSpan End,
    bool IsSpeech,
    SentimentScores Scores,
    float LevelDbfs,
    bool IsFilm = false,
    bool FilmSpeaks = false)
{
    /// <summary>Speech from the audience: speech that is not the film's.</summary>
    public bool IsAudienceSpeech => IsSpeech && !IsFilm;

    /// <summary>The audience spoke while the film did: what "the audience spoke over the film" counts.</summary>
    public bool IsAudienceOverFilm => IsAudienceSpeech && FilmSpeaks;

    /// <summary>The window's sentiment; none when nobody in the audience spoke in it.</summary>
    public SentimentLabel? Label => IsAudienceSpeech ? Scores.Top : null;
}
