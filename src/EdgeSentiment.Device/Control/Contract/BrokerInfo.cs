using EdgeSentiment.Device.Publishing;

namespace EdgeSentiment.Device.Control.Contract;

/// <summary>The MQTT publisher's health; <see cref="State"/> is <c>disabled</c> when publishing is off.</summary>
public sealed record BrokerInfo(
    MqttConnectionState State,
    string Broker,
    int OutboxDepth,
    long Published,
    DateTime? LastSuccessUtc,
    string? LastError,
    DateTime? LastErrorUtc);
