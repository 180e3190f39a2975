using EdgeSentiment.Core.Mood;

namespace EdgeSentiment.Core.Summaries;

/// <summary>A finished screening as it is published: which session, when, its title, what the audience felt over all of it.</summary>
public sealed record SessionSummary(Guid SessionId, DateTime StartUtc, DateTime EndUtc, string? Title, SentimentTally Tally, AudienceMood DominantMood);
