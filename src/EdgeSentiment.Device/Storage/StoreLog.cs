using Microsoft.Extensions.Logging;

namespace EdgeSentiment.Device.Storage;

/// <summary>The store's log messages. Key material never appears here; the key id is public.</summary>
internal static partial class StoreLog
{
    [LoggerMessage(EventId = LogEvents.StoreOpened, Level = LogLevel.Information, Message = "Result store open at {Path} with key {KeyId}")]
    public static partial void Opened(ILogger logger, string path, string keyId);

    [LoggerMessage(EventId = LogEvents.StoreWritesFailing, Level = LogLevel.Warning, Message = "Result store writes are failing ({Reason}); results are counted as lost until writes succeed again")]
    public static partial void WritesFailing(ILogger logger, string reason, Exception? exception);

    [LoggerMessage(EventId = LogEvents.StoreWritesResumed, Level = LogLevel.Information, Message = "Result store writes resumed after {FailedWrites} failed writes")]
    public static partial void WritesResumed(ILogger logger, long failedWrites);

    [LoggerMessage(EventId = LogEvents.StoreRecordTampered, Level = LogLevel.Error, Message = "Record {Id} in {Collection} failed authentication (altered, swapped or sealed under another key); it was left in place and skipped")]
    public static partial void RecordTampered(ILogger logger, string collection, Guid id);

    // Information when it removed or compacted something, Debug when it found nothing to do (every start and every interval).
    [LoggerMessage(EventId = LogEvents.StoreRetentionApplied, Message = "Retention removed {ExpiredByAge} expired and {RemovedForSize} records over the size limit; file {BytesBefore} -> {BytesAfter} bytes, compacted: {Compacted}")]
    public static partial void RetentionApplied(ILogger logger, LogLevel level, int expiredByAge, int removedForSize, long bytesBefore, long bytesAfter, bool compacted);

    [LoggerMessage(EventId = LogEvents.StoreOutboxDropped, Level = LogLevel.Warning, Message = "Dropped {Count} unpublished messages from the outbox (full or expired); {Total} dropped in all")]
    public static partial void OutboxDropped(ILogger logger, int count, long total);

    [LoggerMessage(EventId = LogEvents.StoreMaintenanceFailed, Level = LogLevel.Warning, Message = "Result store maintenance failed; it will run again at the next interval")]
    public static partial void MaintenanceFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = LogEvents.StoreKeyCreated, Level = LogLevel.Information, Message = "Wrote a new result store key to {Path} (mode 0600); without it the database cannot be read")]
    public static partial void KeyCreated(ILogger logger, string path);

    // Once when the first summary goes, then at most hourly with the count since: one goes per minute while writes fail.
    [LoggerMessage(EventId = LogEvents.StoreSummariesDropped, Level = LogLevel.Warning, Message = "Dropped {Count} minute summaries kept in memory while result store writes fail (at most {Limit} are kept, the oldest goes first); {Total} dropped in all")]
    public static partial void SummariesDropped(ILogger logger, long count, int limit, long total);
}
