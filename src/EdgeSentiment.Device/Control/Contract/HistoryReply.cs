namespace EdgeSentiment.Device.Control.Contract;

/// <summary>The minute summaries stored between <see cref="FromUtc"/> and <see cref="ToUtc"/>, oldest first.</summary>
public sealed record HistoryReply(int Version, DateTime FromUtc, DateTime ToUtc, IReadOnlyList<MinuteRow> Minutes);
