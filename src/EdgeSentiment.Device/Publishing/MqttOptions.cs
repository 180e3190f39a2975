namespace EdgeSentiment.Device.Publishing;

/// <summary>Where the MQTT broker is, how the device proves who it is, and how it reconnects.</summary>
public sealed class MqttOptions
{
    public const string SectionName = "Mqtt";

    /// <summary>Off by default, so the agent runs without a broker.</summary>
    public bool Enabled { get; set; }

    /// <summary>The broker's host name or IP address; the server certificate must be issued for it.</summary>
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 8883;

    /// <summary>Names the device in every topic (<c>edgesentiment/&lt;DeviceId&gt;/...</c>) and in the client id.</summary>
    public string DeviceId { get; set; } = "auditorium-1";

    /// <summary>The PEM file of the CA that issued the broker's certificate; the only root trusted.</summary>
    public string CaFile { get; set; } = "/etc/edgesentiment/mqtt-ca.pem";

    /// <summary>The device's PEM certificate for mutual TLS; empty when the broker does not ask for one.</summary>
    public string ClientCertificateFile { get; set; } = "";

    /// <summary>The PEM private key of <see cref="ClientCertificateFile"/>.</summary>
    public string ClientKeyFile { get; set; } = "";

    /// <summary>A file with the user name on its first line and the password on its second; empty for none.</summary>
    public string CredentialsFile { get; set; } = "";

    /// <summary>Plain TCP without TLS, for a broker on the device itself or a lab; a warning is logged at every start.</summary>
    public bool AllowInsecure { get; set; }

    public int KeepAliveSeconds { get; set; } = 30;

    /// <summary>The first wait after a failed connection; it doubles per failure up to <see cref="ReconnectMaxMilliseconds"/>.</summary>
    public int ReconnectMinMilliseconds { get; set; } = 1_000;

    public int ReconnectMaxMilliseconds { get; set; } = 60_000;

    /// <summary>
    /// How long to wait before offering the broker again a message it refused (or one the store could
    /// not remove after the broker had it). New outbox entries and mood changes go out as they come.
    /// </summary>
    public int OutboxPollMilliseconds { get; set; } = 1_000;

    /// <summary>How long a connection attempt or a publish may take before it counts as failed.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>Announce the device to Home Assistant through MQTT discovery (retained config messages at every connect).</summary>
    public bool HomeAssistantDiscovery { get; set; }

    /// <summary>Home Assistant's discovery prefix (its MQTT integration's setting; <c>homeassistant</c> unless changed there).</summary>
    public string HomeAssistantPrefix { get; set; } = "homeassistant";

    public string TopicPrefix => $"edgesentiment/{DeviceId}";
}
