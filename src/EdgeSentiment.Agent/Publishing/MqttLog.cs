using Microsoft.Extensions.Logging;

namespace EdgeSentiment.Agent.Publishing;

/// <summary>The publisher's log messages. Credentials and key material never appear here.</summary>
internal static partial class MqttLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "MQTT publishing is disabled (Mqtt:Enabled is false)")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "MQTT to {Broker} uses plain TCP without TLS (Mqtt:AllowInsecure is true): summaries and credentials cross the network readable by anyone on it")]
    public static partial void Insecure(ILogger logger, string broker);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Connected to MQTT broker {Broker} as {ClientId}")]
    public static partial void Connected(ILogger logger, string broker, string clientId);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "Could not connect to MQTT broker {Broker}: {Reason}; next try in {Delay}")]
    public static partial void ConnectFailed(ILogger logger, string broker, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Error, Message = "Refused the certificate of MQTT broker {Broker}: {Reason}; nothing is sent to it")]
    public static partial void CertificateRefused(ILogger logger, string broker, string reason);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Warning, Message = "Lost the connection to MQTT broker {Broker}: {Reason}; unsent summaries stay in the outbox")]
    public static partial void ConnectionLost(ILogger logger, string broker, string reason);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Warning, Message = "MQTT broker did not accept message {MessageId} on {Topic}: {Reason}; it stays in the outbox and is retried")]
    public static partial void PublishRefused(ILogger logger, Guid messageId, string topic, string reason);

    [LoggerMessage(EventId = 6008, Level = LogLevel.Information, Message = "Disconnected from MQTT broker {Broker}; {Pending} summaries wait in the outbox")]
    public static partial void Stopped(ILogger logger, string broker, int pending);

    [LoggerMessage(EventId = 6009, Level = LogLevel.Error, Message = "MQTT publishing cannot start: {Reason}")]
    public static partial void SetupFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Warning, Message = "Outbox entry {MessageId} was published but could not be removed; it will be sent again with the same id")]
    public static partial void AcknowledgeFailed(ILogger logger, Guid messageId);
}
