using EdgeSentiment.Device.Publishing;

namespace EdgeSentiment.Cli.Doctor;

/// <summary>
/// When Mqtt:Enabled: the publisher's own validation and client options, then one real TLS connect and
/// MQTT CONNECT with a short time limit. A failure names the reason: refused, certificate, login.
/// </summary>
public sealed class BrokerCheck : IDoctorCheck
{
    private const int MaxTimeoutSeconds = 5;

    public string Name => "broker";

    public async Task<CheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var mqtt = context.Configuration.Mqtt;
        if (!mqtt.Enabled)
        {
            return CheckResult.Pass(Name, "MQTT publishing is off (Mqtt:Enabled is false)");
        }

        var validation = new MqttOptionsValidator().Validate(null, mqtt);
        if (validation.Failed)
        {
            var first = validation.Failures?.FirstOrDefault() ?? validation.FailureMessage;
            return CheckResult.Fail(Name, first, $"edit the Mqtt section in {context.ConfigurationHint}");
        }

        BrokerConnectionOptions connection;
        try
        {
            connection = BrokerConnectionOptions.Load(mqtt, context.Time);
        }
        catch (InvalidOperationException e)
        {
            return CheckResult.Fail(Name, e.Message, $"point the setting at the right file in {context.ConfigurationHint}, readable by the service's user");
        }

        var timeout = TimeSpan.FromSeconds(Math.Min(mqtt.TimeoutSeconds, MaxTimeoutSeconds));
        var outcome = await context.Broker.ConnectAsync(connection, timeout, cancellationToken);
        var tls = mqtt.AllowInsecure ? "plain TCP (Mqtt:AllowInsecure)" : "TLS";
        return outcome.Kind switch
        {
            BrokerOutcomeKind.Connected => CheckResult.Pass(Name, $"{connection.Broker} accepts the device over {tls}"),
            BrokerOutcomeKind.Refused => CheckResult.Fail(Name, outcome.Detail, $"start the broker, or correct Mqtt:Host and Mqtt:Port in {context.ConfigurationHint}; check a firewall between them"),
            BrokerOutcomeKind.Unreachable => CheckResult.Fail(Name, outcome.Detail, $"check the network and Mqtt:Host in {context.ConfigurationHint} ('getent hosts {mqtt.Host}')"),
            BrokerOutcomeKind.TimedOut => CheckResult.Fail(Name, outcome.Detail, $"check that the broker runs and a firewall lets port {mqtt.Port} through"),
            BrokerOutcomeKind.Certificate => CheckResult.Fail(Name, "certificate refused: " + outcome.Detail, $"set Mqtt:CaFile to the CA that issued the broker's certificate and Mqtt:Host to a name in it; check the clock ('timedatectl')"),
            BrokerOutcomeKind.Tls => CheckResult.Fail(Name, outcome.Detail, "check that the broker listens with TLS on that port and accepts Mqtt:ClientCertificateFile, if the broker asks for one"),
            BrokerOutcomeKind.NotAuthorized => CheckResult.Fail(Name, outcome.Detail, "check the user name and password in Mqtt:CredentialsFile (or the client certificate) against the broker's accounts"),
            _ => CheckResult.Fail(Name, outcome.Detail, !mqtt.AllowInsecure && string.IsNullOrEmpty(mqtt.ClientCertificateFile)
                ? "if the broker requires a client certificate, set Mqtt:ClientCertificateFile and Mqtt:ClientKeyFile; otherwise see the broker's log for why it refused the device"
                : "see the broker's log for why it refused the device"),
        };
    }
}
