namespace EdgeSentiment.Device.Control.Contract;

/// <summary>The result store's health.</summary>
public sealed record StoreInfo(
    string Path,
    string KeyId,
    long FileBytes,
    IReadOnlyDictionary<string, int> Records,
    bool WritesFailing,
    long FailedWrites,
    long DroppedWindows,
    long TamperedRecords,
    string KeyFile)
{
    /// <summary>Minute summaries dropped unwritten since start: kept in memory while writes failed, beyond the limit kept.</summary>
    public long DroppedSummaries { get; init; }
}
