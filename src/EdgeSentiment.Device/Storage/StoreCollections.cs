namespace EdgeSentiment.Device.Storage;

/// <summary>The collection names in the database file; they are bound into every record's associated data.</summary>
public static class StoreCollections
{
    public const string Windows = "windows";
    public const string Minutes = "minutes";
    public const string Sessions = "sessions";
    public const string Events = "events";
    public const string Transcripts = "transcripts";
    public const string Outbox = "outbox";
    public const string Meta = "meta";

    /// <summary>Every collection that holds sealed records, oldest-first removal order for the size limit.</summary>
    public static IReadOnlyList<string> Sealed { get; } = [Windows, Transcripts, Events, Minutes, Sessions, Outbox];
}
