namespace EdgeSentiment.Device.Publishing;

/// <summary>
/// The publisher's health for the status command: connection, outbox depth and what it dropped,
/// what it published, the last error and the last success.
/// </summary>
public sealed record MqttStatus(
    MqttConnectionState State,
    string Broker,
    int OutboxDepth,
    long PublishedSummaries,
    DateTime? LastSuccessUtc,
    string? LastError,
    DateTime? LastErrorUtc)
{
    /// <summary>Session summaries the broker acknowledged since start.</summary>
    public long PublishedSessions { get; init; }

    /// <summary>Booth reviews the broker acknowledged (both parts) since start.</summary>
    public long PublishedReviews { get; init; }

    /// <summary>Outbox entries dropped unpublished (outbox full or too old) over the store's life; survives restarts.</summary>
    public long OutboxDropped { get; init; }

    /// <summary>Failed connection attempts since the last successful connection.</summary>
    public int FailedAttempts { get; init; }
}
