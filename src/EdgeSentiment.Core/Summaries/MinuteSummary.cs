using EdgeSentiment.Core.Mood;

namespace EdgeSentiment.Core.Summaries;

/// <summary>One minute of the audience: the windows it held, added up, and the mood shown most of the time.</summary>
public sealed record MinuteSummary(DateTime MinuteStartUtc, SentimentTally Tally, AudienceMood DominantMood);
