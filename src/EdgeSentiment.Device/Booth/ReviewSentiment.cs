using EdgeSentiment.Core.Analysis;

namespace EdgeSentiment.Device.Booth;

/// <summary>The acoustic sentiment of a whole review (no label when nobody spoke), and whether it was decided from speech windows or, when none, from all.</summary>
public sealed record ReviewSentiment(string? Label, float Negative, float Neutral, float Positive, int SpeechWindows, string Basis)
{
    /// <summary>The verdict over <paramref name="windows"/>, or null when the review was too short for one window.</summary>
    public static ReviewSentiment? Of(IReadOnlyList<WindowResult> windows) =>
        RecordingVerdict.Decide(windows) is { } verdict
            ? new ReviewSentiment(
                verdict.Label?.ToString().ToLowerInvariant(),
                verdict.Scores.Negative,
                verdict.Scores.Neutral,
                verdict.Scores.Positive,
                verdict.SpeechWindows,
                verdict.Basis.ToString())
            : null;
}
