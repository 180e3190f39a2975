using EdgeSentiment.Core.Inference;
using EdgeSentiment.Core.Mood;
using EdgeSentiment.Device.Pipeline;

namespace EdgeSentiment.Device.Control.Contract;

/// <summary>
/// The mood after an update, with the window that caused it (one line of <c>/v1/moods</c>, and the
/// current mood in the status). <see cref="Speech"/>, <see cref="Label"/>, <see cref="Scores"/> and
/// <see cref="LevelDbfs"/> are null for a change of the capture fault state, which has no window, and
/// so are <see cref="Film"/> (the window was the film's), <see cref="FilmSpeaks"/> (the soundtrack
/// reference carried speech) and <see cref="AudienceOverFilm"/> (the audience spoke while it did),
/// which are false without a reference.
/// </summary>
public sealed record MoodReply(
    int Version,
    DateTime AtUtc,
    AudienceMood Mood,
    bool CaptureFault,
    bool? Speech,
    SentimentLabel? Label,
    ScoreRow? Scores,
    double? LevelDbfs,
    bool? Film = null,
    bool? FilmSpeaks = null,
    bool? AudienceOverFilm = null)
{
    public static MoodReply From(MoodUpdate update) => update.Window is { } window
        ? new(
            ControlApi.Version,
            update.At.UtcDateTime,
            update.Mood,
            update.CaptureFault,
            window.IsSpeech,
            window.Label,
            ScoreRow.From(window.Scores),
            Level(window.LevelDbfs),
            window.IsFilm,
            window.FilmSpeaks,
            window.IsAudienceOverFilm)
        : new(ControlApi.Version, update.At.UtcDateTime, update.Mood, update.CaptureFault, null, null, null, null);

    /// <summary>A level for JSON: rounded, and null for silence (minus infinity) or no reading.</summary>
    public static double? Level(float dbfs) => float.IsFinite(dbfs) ? Math.Round(dbfs, 1) : null;
}
