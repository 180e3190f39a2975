namespace EdgeSentiment.Device.Storage;

/// <summary>Where the encrypted result store lives, where its key is, and how much it keeps.</summary>
public sealed class StoreOptions
{
    public const string SectionName = "Store";

    /// <summary>The LiteDB file, under the service's state directory (systemd <c>StateDirectory=edgesentiment</c>).</summary>
    public string DatabasePath { get; set; } = "/var/lib/edgesentiment/results.db";

    /// <summary>The key file, used when systemd does not pass the <c>edgesentiment.key</c> credential.</summary>
    public string KeyFile { get; set; } = "/etc/edgesentiment/edgesentiment.key";

    /// <summary>
    /// Writes a new key (mode 0600) when <see cref="KeyFile"/> does not exist yet: for a local run on a
    /// developer's machine, never on a board, where a silently new key would hide a lost one.
    /// </summary>
    public bool CreateKeyIfMissing { get; set; }

    /// <summary>Records older than this many days are removed.</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>Above this size the oldest records are removed and the file is compacted.</summary>
    public int MaxFileMegabytes { get; set; } = 256;

    /// <summary>At most this many unpublished summaries wait; beyond it the oldest are dropped and counted.</summary>
    public int OutboxMaxEntries { get; set; } = 10_080;

    /// <summary>Unpublished summaries older than this many hours are dropped and counted.</summary>
    public int OutboxMaxAgeHours { get; set; } = 168;

    /// <summary>How often retention and compaction run.</summary>
    public int MaintenanceIntervalMinutes { get; set; } = 60;
}
