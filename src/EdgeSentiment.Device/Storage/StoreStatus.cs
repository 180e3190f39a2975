namespace EdgeSentiment.Device.Storage;

/// <summary>The store's health for the status command: size, record counts, failures and the last retention run.</summary>
public sealed record StoreStatus(
    string DatabasePath,
    string KeyId,
    long FileBytes,
    IReadOnlyDictionary<string, int> RecordCounts,
    bool WritesFailing,
    long FailedWrites,
    long DroppedWindows,
    long OutboxDropped,
    long TamperedRecords,
    RetentionReport? LastRetention)
{
    /// <summary>Minute summaries dropped unwritten since start: kept in memory while writes failed, beyond the limit kept.</summary>
    public long DroppedSummaries { get; init; }
}
