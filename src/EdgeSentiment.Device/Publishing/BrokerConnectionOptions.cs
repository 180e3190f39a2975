using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Protocol;

namespace EdgeSentiment.Device.Publishing;

/// <summary>
/// Turns <see cref="MqttOptions"/> into MQTTnet client options: TLS 1.2+ with the pinned CA, the optional
/// client certificate and credentials, keep-alive, and the retained <c>offline</c> last will.
/// </summary>
public sealed class BrokerConnectionOptions
{
    private readonly MqttOptions _options;
    private readonly X509Certificate2Collection? _clientCertificates;
    private readonly (string User, string Password)? _credentials;

    private BrokerConnectionOptions(MqttOptions options, BrokerCertificateValidator? validator, X509Certificate2Collection? clientCertificates, (string, string)? credentials)
    {
        _options = options;
        Validator = validator;
        _clientCertificates = clientCertificates;
        _credentials = credentials;
    }

    public BrokerCertificateValidator? Validator { get; }

    public string Broker => $"{_options.Host}:{_options.Port}";

    public string ClientId => $"edgesentiment-{_options.DeviceId}";

    /// <summary>Reads the CA, client certificate and credential files; throws <see cref="InvalidOperationException"/> with a one-line reason.</summary>
    public static BrokerConnectionOptions Load(MqttOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        BrokerCertificateValidator? validator = null;
        X509Certificate2Collection? clientCertificates = null;
        if (!options.AllowInsecure)
        {
            var trusted = new X509Certificate2Collection();
            try
            {
                trusted.ImportFromPemFile(options.CaFile);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
            {
                throw new InvalidOperationException($"Mqtt:CaFile '{options.CaFile}' could not be read as PEM certificates ({ex.Message})", ex);
            }

            if (trusted.Count == 0)
            {
                throw new InvalidOperationException($"Mqtt:CaFile '{options.CaFile}' holds no PEM certificate");
            }

            validator = new BrokerCertificateValidator(trusted, options.Host, time);
            if (!string.IsNullOrEmpty(options.ClientCertificateFile))
            {
                try
                {
                    clientCertificates = [X509Certificate2.CreateFromPemFile(options.ClientCertificateFile, options.ClientKeyFile)];
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException or ArgumentException)
                {
                    throw new InvalidOperationException($"Mqtt:ClientCertificateFile/ClientKeyFile could not be read as a PEM certificate and its key ({ex.Message})", ex);
                }
            }
        }

        return new BrokerConnectionOptions(options, validator, clientCertificates, ReadCredentials(options.CredentialsFile));
    }

    /// <summary>Client options for one connection attempt; <paramref name="onRefused"/> hears why a certificate was refused.</summary>
    public MqttClientOptions Build(byte[] willPayload, Action<string> onRefused)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(_options.Host, _options.Port)
            .WithClientId(ClientId)
            .WithCleanSession(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(_options.KeepAliveSeconds))
            .WithTimeout(TimeSpan.FromSeconds(_options.TimeoutSeconds))
            .WithWillTopic($"{_options.TopicPrefix}/status")
            .WithWillPayload(willPayload)
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (_credentials is { } credentials)
        {
            builder.WithCredentials(credentials.User, credentials.Password);
        }

        if (Validator is { } validator)
        {
            builder.WithTlsOptions(tls =>
            {
                tls.UseTls(true)
                    .WithTargetHost(_options.Host)
                    .WithSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13)
                    .WithCertificateValidationHandler(e =>
                    {
                        var reason = validator.Check(e.Certificate, e.Chain);
                        if (reason is not null)
                        {
                            onRefused(reason);
                        }

                        return reason is null;
                    });
                if (_clientCertificates is not null)
                {
                    tls.WithClientCertificates(_clientCertificates);
                }
            });
        }

        return builder.Build();
    }

    private static (string, string)? ReadCredentials(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"Mqtt:CredentialsFile '{path}' could not be read ({ex.Message})", ex);
        }

        if (lines.Length < 2 || lines[0].Length == 0)
        {
            throw new InvalidOperationException($"Mqtt:CredentialsFile '{path}' must hold the user name on line 1 and the password on line 2");
        }

        return (lines[0], lines[1]);
    }
}
