using EdgeSentiment.Core.Analysis;

namespace EdgeSentiment.Device.Booth;

/// <summary>One analysis window of a review: where it lies in the audio, whether it held speech, and the model's scores.</summary>
public sealed record ReviewWindow(double StartSeconds, double EndSeconds, bool Speech, string? Sentiment, float Negative, float Neutral, float Positive)
{
    /// <summary>The window <paramref name="window"/> of the pipeline, timed from the start of the review at <paramref name="reviewStart"/>.</summary>
    public static ReviewWindow From(WindowResult window, TimeSpan reviewStart) => new(
        Math.Round((window.Start - reviewStart).TotalSeconds, 3),
        Math.Round((window.End - reviewStart).TotalSeconds, 3),
        window.IsSpeech,
        window.Label?.ToString().ToLowerInvariant(),
        window.Scores.Negative,
        window.Scores.Neutral,
        window.Scores.Positive);
}
