using EdgeSentiment.Core.Summaries;

namespace EdgeSentiment.Device.Storage.Outbox;

/// <summary>What an outbox entry holds, and so the topic it is published on. Stored in clear as the record's kind.</summary>
public enum OutboxKind
{
    /// <summary>A <see cref="MinuteSummary"/>, published on <c>summary</c>.</summary>
    Summary = 0,

    /// <summary>A <see cref="SessionSummary"/>, published on <c>session</c>.</summary>
    Session = 1,
}
