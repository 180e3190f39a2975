using System.Net.Sockets;
using System.Security.Authentication;
using EdgeSentiment.Device.Publishing;
using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Exceptions;

namespace EdgeSentiment.Cli.Doctor;

/// <summary>
/// A real TLS connect and MQTT CONNECT with the publisher's own client options (CA pinning, host name,
/// client certificate, credentials), under a client id of its own and without a last will, so the test
/// neither takes over the running agent's session nor marks the device offline.
/// </summary>
public sealed class MqttBrokerProbe : IBrokerProbe
{
    public async Task<BrokerOutcome> ConnectAsync(BrokerConnectionOptions connection, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        string? refusal = null;
        var options = connection.Build([], reason => refusal = reason);
        options.ClientId = connection.ClientId + "-doctor";
        options.WillTopic = null;
        options.WillPayload = null;
        options.WillRetain = false;
        options.Timeout = timeout;

        using var client = new MqttClientFactory().CreateMqttClient();
        var outcome = await ConnectAsync(client, options, connection, () => refusal, cancellationToken);
        if (outcome.Kind == BrokerOutcomeKind.Connected)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            try
            {
                await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), limit.Token);
            }
            catch (Exception e) when (e is MqttCommunicationException or OperationCanceledException or IOException)
            {
                // The broker accepted the device; a goodbye that did not arrive changes nothing.
            }
        }

        return outcome;
    }

    /// <summary>
    /// Connects <paramref name="client"/> with <paramref name="options"/> (built from <paramref name="connection"/>) within
    /// <c>options.Timeout</c> and says how it ended; connected, the client stays connected. <paramref name="refusal"/> gives
    /// the certificate validator's reason, if it refused the broker.
    /// </summary>
    public static async Task<BrokerOutcome> ConnectAsync(IMqttClient client, MqttClientOptions options, BrokerConnectionOptions connection, Func<string?> refusal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(refusal);
        var timeout = options.Timeout;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            var result = await client.ConnectAsync(options, limit.Token);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                return Refused(result.ResultCode, result.ReasonString);
            }

            return new BrokerOutcome(BrokerOutcomeKind.Connected, $"connected to {connection.Broker} as {options.ClientId}");
        }
        catch (MqttConnectingFailedException e)
        {
            // MQTTnet 5 names the CONNACK reason only in the message; without one the broker hung up mid-handshake.
            foreach (var code in Enum.GetValues<MqttClientConnectResultCode>())
            {
                if (code != MqttClientConnectResultCode.Success && e.Message.Contains(code.ToString(), StringComparison.Ordinal))
                {
                    return Refused(code, null);
                }
            }

            return new BrokerOutcome(BrokerOutcomeKind.Rejected, $"{connection.Broker} closed the connection during the MQTT handshake ({e.Message}); is it the same kind of listener (TLS or plain, Mqtt:AllowInsecure)?");
        }
        catch (Exception) when (refusal() is { } reason)
        {
            // The certificate validator said why it refused; that beats the TLS stack's generic error.
            return new BrokerOutcome(BrokerOutcomeKind.Certificate, reason);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new BrokerOutcome(BrokerOutcomeKind.TimedOut, $"{connection.Broker} did not answer within {timeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is MqttCommunicationException or SocketException or AuthenticationException or IOException)
        {
            return Classify(e, connection.Broker, timeout, tls: connection.Validator is not null);
        }
    }

    private static BrokerOutcome Refused(MqttClientConnectResultCode code, string? reason) => code switch
    {
        MqttClientConnectResultCode.NotAuthorized or MqttClientConnectResultCode.BadUserNameOrPassword or MqttClientConnectResultCode.BadAuthenticationMethod
            => new BrokerOutcome(BrokerOutcomeKind.NotAuthorized, $"the broker refused the login ({code})"),
        _ => new BrokerOutcome(BrokerOutcomeKind.Rejected, $"the broker refused the connection ({code}{(string.IsNullOrEmpty(reason) ? "" : ": " + reason)})"),
    };

    private static BrokerOutcome Classify(Exception e, string broker, TimeSpan timeout, bool tls)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return new BrokerOutcome(BrokerOutcomeKind.Refused, $"connection refused by {broker}: nothing listens on that port");
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData }:
                    return new BrokerOutcome(BrokerOutcomeKind.Unreachable, $"the host of {broker} is not found ({inner.Message})");
                case SocketException { SocketErrorCode: SocketError.NetworkUnreachable or SocketError.HostUnreachable }:
                    return new BrokerOutcome(BrokerOutcomeKind.Unreachable, $"{broker} cannot be reached ({inner.Message})");
                case SocketException { SocketErrorCode: SocketError.TimedOut }:
                case MqttCommunicationTimedOutException:
                    return new BrokerOutcome(BrokerOutcomeKind.TimedOut, $"{broker} did not answer within {timeout.TotalSeconds:0} s");
                case SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.NotConnected or SocketError.Shutdown or SocketError.ConnectionAborted }
                    when !tls || !e.ToString().Contains("Ssl", StringComparison.OrdinalIgnoreCase):
                    // With TLS 1.3 a broker that wants a client certificate hangs up only after the handshake.
                    return new BrokerOutcome(BrokerOutcomeKind.Rejected, $"{broker} closed the connection before answering CONNECT ({inner.Message})");
                case AuthenticationException:
                    return new BrokerOutcome(BrokerOutcomeKind.Tls, $"the TLS handshake with {broker} failed ({inner.Message})");
                default:
                    break;
            }
        }

        var innermost = e;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        // A plain listener hangs up on a TLS hello; the reset surfaces from inside SslStream, as for the publisher.
        if (tls && e.ToString().Contains("Ssl", StringComparison.OrdinalIgnoreCase))
        {
            return new BrokerOutcome(BrokerOutcomeKind.Tls, $"the TLS handshake with {broker} failed ({innermost.Message})");
        }

        return new BrokerOutcome(BrokerOutcomeKind.Rejected, $"the connection to {broker} failed ({innermost.Message})");
    }
}
