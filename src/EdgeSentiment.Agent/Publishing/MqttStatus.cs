namespace EdgeSentiment.Agent.Publishing;

/// <summary>The publisher's health for the status command: connection, outbox depth, last error and last success.</summary>
public sealed record MqttStatus(
    MqttConnectionState State,
    string Broker,
    int OutboxDepth,
    long PublishedSummaries,
    DateTime? LastSuccessUtc,
    string? LastError,
    DateTime? LastErrorUtc);
