using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Mood;
using EdgeSentiment.Core.Summaries;

namespace EdgeSentiment.Device.Storage;

/// <summary>
/// What the pipeline keeps: windows, minute summaries, screening sessions and device events. Writes
/// never throw on I/O trouble: they return false (or null) and the store counts and logs the failure,
/// so the pipeline and the LEDs keep running on a full disk.
/// </summary>
public interface IResultWriter
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
}
