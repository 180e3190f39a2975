namespace EdgeSentiment.Device.Storage;

/// <summary>What a retention run removed, whether it compacted the file, and the file size before and after.</summary>
public sealed record RetentionReport(
    DateTime RunUtc,
    int ExpiredByAge,
    int RemovedForSize,
    int OutboxDropped,
    bool Compacted,
    long FileBytesBefore,
    long FileBytesAfter);
