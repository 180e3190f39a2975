namespace EdgeSentiment.Agent.Control.Contract;

/// <summary>
/// The decrypted minute summaries and sessions between two times; the CLI writes them as CSV or JSON
/// lines with the same writers as a direct export. <see cref="TamperedRecords"/> counts records that
/// failed authentication and were left out.
/// </summary>
public sealed record ExportReply(
    int Version,
    DateTime FromUtc,
    DateTime ToUtc,
    IReadOnlyList<MinuteRow> Minutes,
    IReadOnlyList<SessionRow> Sessions,
    long TamperedRecords);
