using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Core.Analysis;

/// <summary>The sentiment of a whole recording, and what it was decided from.</summary>
public sealed record RecordingVerdict(SentimentLabel Label, SentimentScores Scores, int SpeechWindows, VerdictBasis Basis)
{
    /// <summary>
    /// The mean scores of the speech windows, or of every window when the detector heard no
    /// speech at all (so a recording is always decided, and says so); null for no windows.
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
        return count == 0 ? null : new RecordingVerdict(all.Top, all, 0, VerdictBasis.AllWindows);
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
