using EdgeSentiment.Core.Mood;
using EdgeSentiment.Core.Summaries;

namespace EdgeSentiment.Device.Storage;

/// <summary>A screening: when it ran, what it was called, and what the audience felt over all of it.</summary>
public sealed record ScreeningSession(DateTime StartUtc, DateTime? EndUtc, string? Title, SentimentTally Aggregate)
{
    /// <summary>The mood shown most while it ran; null until it ends, and in records written before it was kept.</summary>
    public AudienceMood? DominantMood { get; init; }
}
