using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Mood;
using EdgeSentiment.Core.Summaries;

namespace EdgeSentiment.Device.Storage;

/// <summary>
/// Where results are kept. Writes never throw on I/O trouble: they return false (or null) and the
/// store counts and logs the failure, so the pipeline and the LEDs keep running on a full disk.
/// </summary>
public interface IResultStore : IDisposable
{
    /// <summary>
    /// Keeps a window. Windows may be batched before they reach the disk; false when the batch this
    /// window completed could not be written (its windows are counted as dropped).
    /// </summary>
    bool AppendWindow(DateTime startUtc, in WindowResult window);

    /// <summary>Commits the summary and its outbox entry in one transaction; returns the summary's id, or null when not written.</summary>
    Guid? AppendMinute(MinuteSummary summary);

    Guid? BeginSession(DateTime startUtc, string? title);

    /// <summary>
    /// Ends the session and queues its <see cref="SessionSummary"/> in the outbox, in one transaction;
    /// false when the session is unknown or could not be written.
    /// </summary>
    bool EndSession(Guid sessionId, DateTime endUtc, SentimentTally aggregate, AudienceMood dominantMood);

    bool AppendEvent(DeviceEvent deviceEvent);

    /// <summary>The oldest unacknowledged outbox entries, at most <paramref name="count"/> (any count: only what is there is allocated).</summary>
    IReadOnlyList<OutboxEntry> PeekOldest(int count);

    /// <summary>How many entries wait in the outbox; cheap enough for a metrics gauge.</summary>
    int CountOutbox();

    /// <summary>Removes the entry once the broker has it; false when it is not (or no longer) there.</summary>
    bool Acknowledge(Guid messageId);

    IReadOnlyList<Stored<WindowResult>> ReadWindows(DateTime fromUtc, DateTime toUtc);

    IReadOnlyList<Stored<MinuteSummary>> ReadMinutes(DateTime fromUtc, DateTime toUtc);

    /// <summary>
    /// The time of the first stored minute summary in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>),
    /// readable or not, or null when there is none: lets a long export read a slice at a time.
    /// </summary>
    DateTime? FirstMinuteTime(DateTime fromUtc, DateTime toUtc);

    IReadOnlyList<Stored<ScreeningSession>> ReadSessions(DateTime fromUtc, DateTime toUtc);

    IReadOnlyList<Stored<DeviceEvent>> ReadEvents(DateTime fromUtc, DateTime toUtc);

    /// <summary>Removes records past the retention age or beyond the size limit and compacts when worthwhile.</summary>
    RetentionReport ApplyRetention(DateTime nowUtc);

    StoreStatus GetStatus();
}
