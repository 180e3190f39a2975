using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Core.Analysis;

/// <summary>The sentiment of a whole recording, and what it was decided from.</summary>
/// <param name="Label">The top label of the speech windows' mean scores; null when nobody spoke (silence has no sentiment).</param>
/// <param name="Scores">The mean scores of the speech windows, or of every window when none had speech.</param>
/// <param name="SpeechWindows">How many windows had speech in them.</param>
/// <param name="Basis">Whether the verdict comes from speech windows or there was no speech.</param>
public sealed record RecordingVerdict(SentimentLabel? Label, SentimentScores Scores, int SpeechWindows, VerdictBasis Basis)
{
    /// <summary>
    /// The mean scores of the speech windows; "no speech", with no label, when the detector heard
    /// none in any window; null for no windows.
    /// </summary>
    public static RecordingVerdict? Decide(IReadOnlyList<WindowResult> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var speech = Average(windows, speechOnly: true, out var speechCount);
        if (speechCount > 0)
        {
            return new RecordingVerdict(speech.Top, speech, speechCount, VerdictBasis.SpeechWindows);
        }

        var all = Average(windows, speechOnly: false, out var count);
        return count == 0 ? null : new RecordingVerdict(null, all, 0, VerdictBasis.NoSpeech);
    }

    private static SentimentScores Average(IReadOnlyList<WindowResult> windows, bool speechOnly, out int count)
    {
        double negative = 0, neutral = 0, positive = 0;
        count = 0;
        foreach (var window in windows)
        {
            if (speechOnly && !window.IsSpeech)
            {
                continue;
            }

            negative += window.Scores.Negative;
            neutral += window.Scores.Neutral;
            positive += window.Scores.Positive;
            count++;
        }

        return count == 0
            ? default
            : new SentimentScores((float)(negative / count), (float)(neutral / count), (float)(positive / count));
    }
}
