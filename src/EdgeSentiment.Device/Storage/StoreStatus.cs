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
    RetentionReport? LastRetention);
