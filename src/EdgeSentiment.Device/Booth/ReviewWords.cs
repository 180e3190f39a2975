using EdgeSentiment.Core.Analysis;

namespace EdgeSentiment.Device.Booth;

/// <summary>
/// The words part of a review's document: each utterance transcribed, how many got no words, and the
/// fused verdict over them all. <see cref="Outcome"/> is <c>transcribed</c> when every utterance of the
/// review came back from the recogniser, <c>incomplete</c> when the wait ran out, the agent stopped
/// first, or an utterance was dropped or failed.
/// </summary>
public sealed record ReviewWords(string Outcome, IReadOnlyList<ReviewUtterance> Utterances, int Missing, int WordsUsedIn, ReviewScores? Overall)
{
    public const string Transcribed = "transcribed";
    public const string Incomplete = "incomplete";

    /// <summary>The part for <paramref name="utterances"/>: the overall verdict is their fused scores weighted by their length (none without utterances).</summary>
    public static ReviewWords Of(IReadOnlyList<ReviewUtterance> utterances, int missing, bool complete)
    {
        ArgumentNullException.ThrowIfNull(utterances);
        double negative = 0, neutral = 0, positive = 0, seconds = 0;
        var used = 0;
        foreach (var u in utterances)
        {
            var weight = Math.Max(u.EndSeconds - u.StartSeconds, 0.001);
            negative += weight * u.Fused.Negative;
            neutral += weight * u.Fused.Neutral;
            positive += weight * u.Fused.Positive;
            seconds += weight;
            used += u.WordsUsed ? 1 : 0;
        }

        var overall = utterances.Count == 0
            ? null
            : ReviewScores.From(new SentimentScores((float)(negative / seconds), (float)(neutral / seconds), (float)(positive / seconds)));
        return new ReviewWords(complete && missing == 0 ? Transcribed : Incomplete, utterances, missing, used, overall);
    }
}
