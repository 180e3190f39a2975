using EdgeSentiment.Core.Mood;

namespace EdgeSentiment.Agent.Storage;

/// <summary>A screening: when it ran, what it was called, and what the audience felt over all of it.</summary>
public sealed record ScreeningSession(DateTime StartUtc, DateTime? EndUtc, string? Title, SentimentTally Aggregate)
{
    /// <summary>The mood shown most while it ran; <see cref="AudienceMood.NoSpeech"/> until it ends (and in records older than this field).</summary>
    public AudienceMood DominantMood { get; init; }
}
