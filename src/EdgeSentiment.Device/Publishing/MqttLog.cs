using Microsoft.Extensions.Logging;

namespace EdgeSentiment.Device.Publishing;

/// <summary>The publisher's log messages. Credentials and key material never appear here.</summary>
internal static partial class MqttLog
{
    [LoggerMessage(EventId = LogEvents.MqttDisabled, Level = LogLevel.Information, Message = "MQTT publishing is disabled (Mqtt:Enabled is false)")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(EventId = LogEvents.MqttInsecure, Level = LogLevel.Warning, Message = "MQTT to {Broker} uses plain TCP without TLS (Mqtt:AllowInsecure is true): summaries and credentials cross the network readable by anyone on it")]
    public static partial void Insecure(ILogger logger, string broker);

    [LoggerMessage(EventId = LogEvents.MqttConnected, Level = LogLevel.Information, Message = "Connected to MQTT broker {Broker} as {ClientId}")]
    public static partial void Connected(ILogger logger, string broker, string clientId);

    // Warning for the first failure of a stretch and for a new reason; Debug for repeats (ConnectionEpisode).
    [LoggerMessage(EventId = LogEvents.MqttConnectFailed, Message = "Could not connect to MQTT broker {Broker}: {Reason}; check that the broker runs and listens at Mqtt:Host and Mqtt:Port. Next try in {Delay}; the same failure again is logged at Debug")]
    public static partial void ConnectFailed(ILogger logger, LogLevel level, string broker, string reason, TimeSpan delay);

    // Error for the first refusal of a stretch and for a new reason; Debug for repeats.
    [LoggerMessage(EventId = LogEvents.MqttCertificateRefused, Message = "Refused the certificate of MQTT broker {Broker}: {Reason}; nothing is sent to it until its certificate, Mqtt:CaFile or Mqtt:Host is fixed. The same refusal again is logged at Debug")]
    public static partial void CertificateRefused(ILogger logger, LogLevel level, string broker, string reason);

    [LoggerMessage(EventId = LogEvents.MqttConnectionLost, Level = LogLevel.Warning, Message = "Lost the connection to MQTT broker {Broker}: {Reason}; unsent summaries stay in the outbox")]
    public static partial void ConnectionLost(ILogger logger, string broker, string reason);

    [LoggerMessage(EventId = LogEvents.MqttPublishRefused, Level = LogLevel.Warning, Message = "MQTT broker did not accept message {MessageId} on {Topic}: {Reason}; it stays in the outbox and is offered again, less often each time it is refused (at most every 5 minutes)")]
    public static partial void PublishRefused(ILogger logger, Guid messageId, string topic, string reason);

    [LoggerMessage(EventId = LogEvents.MqttStopped, Level = LogLevel.Information, Message = "Disconnected from MQTT broker {Broker}; {Pending} messages wait in the outbox")]
    public static partial void Stopped(ILogger logger, string broker, int pending);

    [LoggerMessage(EventId = LogEvents.MqttSetupFailed, Level = LogLevel.Error, Message = "MQTT publishing cannot start: {Reason}")]
    public static partial void SetupFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = LogEvents.MqttAcknowledgeFailed, Level = LogLevel.Warning, Message = "Outbox entry {MessageId} was published but could not be removed; it will be sent again with the same id")]
    public static partial void AcknowledgeFailed(ILogger logger, Guid messageId);

    [LoggerMessage(EventId = LogEvents.MqttReconnected, Level = LogLevel.Information, Message = "Connected again to MQTT broker {Broker} as {ClientId} after {Attempts} failed attempts")]
    public static partial void Reconnected(ILogger logger, string broker, string clientId, int attempts);

    [LoggerMessage(EventId = LogEvents.MqttDiscoveryPublished, Level = LogLevel.Information, Message = "Announced {Count} sensors to Home Assistant under {Prefix}")]
    public static partial void DiscoveryPublished(ILogger logger, int count, string prefix);

    [LoggerMessage(EventId = LogEvents.MqttReviewDelivered, Level = LogLevel.Information, Message = "Review {Id} delivered ({Bytes} bytes sealed) and removed from the spool")]
    public static partial void ReviewDelivered(ILogger logger, string id, long bytes);

    [LoggerMessage(EventId = LogEvents.MqttReviewRefused, Level = LogLevel.Warning, Message = "MQTT broker did not accept the {Part} of review {Id}: {Reason}; it stays in the spool and is sent again, less often each time it is refused (at most every 5 minutes)")]
    public static partial void ReviewRefused(ILogger logger, string part, string id, string reason);

    [LoggerMessage(EventId = LogEvents.MqttReviewRemoveFailed, Level = LogLevel.Warning, Message = "Review {Id} was delivered but could not be removed from the spool ({Reason}); it will be sent again and the studio keeps one copy")]
    public static partial void ReviewRemoveFailed(ILogger logger, string id, string reason);
}
