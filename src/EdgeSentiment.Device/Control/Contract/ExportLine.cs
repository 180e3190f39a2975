namespace EdgeSentiment.Device.Control.Contract;

/// <summary>
/// One line of an export: a minute summary, a session, or, last of all, the count of records that
/// failed authentication and were left out. A stream without that last line was cut off. The CLI
/// writes each line as it arrives, with the same writers as a direct export.
/// </summary>
public sealed record ExportLine(int Version, MinuteRow? Minute = null, SessionRow? Session = null, long? TamperedRecords = null);
