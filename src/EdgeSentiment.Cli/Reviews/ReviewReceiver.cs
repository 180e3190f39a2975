using EdgeSentiment.Cli.Doctor;
using EdgeSentiment.Device.Publishing;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace EdgeSentiment.Cli.Reviews;

/// <summary>
/// One persistent MQTT session that takes review parts into a <see cref="ReviewInbox"/>. A message is
/// acknowledged only once its part is on disk; a part that arrives after the wanted count, or that the disk
/// refused, is not acknowledged, so the broker offers it again at the next connect.
/// </summary>
public sealed class ReviewReceiver : IDisposable
{
    /// <summary>How long the broker keeps the session, and the reviews it queues, while the studio is away.</summary>
    public const uint SessionExpirySeconds = 7 * 24 * 3600;

    private readonly ReviewInbox _inbox;
    private readonly CliConsole _console;
    private readonly int? _count;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TaskCompletionSource<int> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _received;

    public ReviewReceiver(ReviewInbox inbox, CliConsole console, int? count)
    {
        _inbox = inbox;
        _console = console;
        _count = count;
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Connects, subscribes to <paramref name="topicFilter"/> and receives until the count is reached,
    /// <paramref name="cancellationToken"/> is cancelled (exit 0) or the connection is lost; returns the exit code.</summary>
    public async Task<int> RunAsync(BrokerConnectionOptions connection, string clientId, string topicFilter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        string? refusal = null;
        var options = connection.Build([], reason => refusal = reason);
        options.ProtocolVersion = MQTTnet.Formatter.MqttProtocolVersion.V500;
        options.ClientId = clientId;
        options.CleanSession = false;
        options.SessionExpiryInterval = SessionExpirySeconds;
        options.WillTopic = null;
        options.WillPayload = null;
        options.WillRetain = false;

        foreach (var arrival in _inbox.Recover())
        {
            Report(arrival, device: "?");
        }

        if (_count is { } wanted && _received >= wanted)
        {
            return ExitCodes.Ok;
        }

        using var client = new MqttClientFactory().CreateMqttClient();
        var stopping = false;
        // Attached before CONNECT: a kept session delivers what waited for it right after CONNACK.
        client.ApplicationMessageReceivedAsync += OnMessageAsync;
        client.DisconnectedAsync += e =>
        {
            if (!stopping && e.ClientWasConnected)
            {
                _console.Fail($"the connection to {connection.Broker} was lost ({e.Reason}); run the command again: the broker keeps the reviews for client id {clientId} for {SessionExpirySeconds / 86_400} days");
                _done.TrySetResult(ExitCodes.Failed);
            }

            return Task.CompletedTask;
        };

        var outcome = await MqttBrokerProbe.ConnectAsync(client, options, connection, () => refusal, cancellationToken);
        if (outcome.Kind != BrokerOutcomeKind.Connected)
        {
            _console.Fail($"cannot receive reviews: {ReviewReceiveCommand.OptionNames(outcome.Detail)}; {Fix(outcome.Kind, connection)}");
            return ExitCodes.Failed;
        }

        MqttClientSubscribeResultCode granted;
        try
        {
            var subscribed = await client.SubscribeAsync(
                new MqttClientSubscribeOptionsBuilder().WithTopicFilter(topicFilter, MqttQualityOfServiceLevel.AtLeastOnce).Build(),
                cancellationToken);
            granted = subscribed.Items.Count == 1 ? subscribed.Items.First().ResultCode : MqttClientSubscribeResultCode.UnspecifiedError;
        }
        catch (MqttCommunicationException e)
        {
            stopping = true;
            _console.Fail($"the connection to {connection.Broker} was lost while subscribing ({e.Message}); run the command again");
            return ExitCodes.Failed;
        }

        if (granted is not (MqttClientSubscribeResultCode.GrantedQoS1 or MqttClientSubscribeResultCode.GrantedQoS2))
        {
            stopping = true;
            _console.Fail($"the broker refused the subscription to {topicFilter} with QoS 1 ({granted}); check the broker's access rules for client id {clientId}");
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
            return ExitCodes.Failed;
        }

        if (_console.IsInteractive)
        {
            _console.Error.WriteLine($"Receiving reviews on {topicFilter} from {connection.Broker} as {clientId} into {_inbox.Folder}; Ctrl+C to stop.");
        }

        int code;
        try
        {
            code = await _done.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            code = ExitCodes.Ok;
        }

        // A part being written finishes first; one that comes after is not acknowledged and waits at the broker.
        await _gate.WaitAsync(CancellationToken.None);
        stopping = true;
        _done.TrySetResult(code);
        _gate.Release();
        if (client.IsConnected)
        {
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
        }

        return code;
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        e.AutoAcknowledge = false;
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            if (_done.Task.IsCompleted)
            {
                return;
            }

            if (!ReviewMessage.TryRead(e.ApplicationMessage, out var message, out var problem))
            {
                // Offered again, it would be refused again: dropped, and said.
                _console.Fail($"{problem}; the message was dropped (is the device's software current?)");
            }
            else
            {
                var review = message!;
                ReviewArrival arrival;
                try
                {
                    arrival = _inbox.Accept(review, e.ApplicationMessage.Payload);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    _console.Fail($"review {review.Id}: the {review.Part.ToString().ToLowerInvariant()} part could not be written to {_inbox.Incoming} ({ex.Message}); free space or fix the folder's permissions and run the command again: the broker keeps the part until it is written");
                    _done.TrySetResult(ExitCodes.Failed);
                    return;
                }

                Report(arrival, review.Device);
            }

            try
            {
                await e.AcknowledgeAsync(CancellationToken.None);
            }
            catch (MqttCommunicationException)
            {
                // The connection went with the acknowledgement: the broker offers the part again, and it is dropped then.
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Report(ReviewArrival arrival, string device)
    {
        switch (arrival.Kind)
        {
            case ReviewArrivalKind.Written:
                _received++;
                _console.Out.WriteLine($"{arrival.Id}  {device}  audio {arrival.AudioBytes} bytes  document {arrival.DocumentBytes} bytes");
                _console.Out.Flush();
                if (_count is { } wanted && _received >= wanted)
                {
                    _done.TrySetResult(ExitCodes.Ok);
                }

                break;
            case ReviewArrivalKind.Rejected:
                _console.Fail($"review {arrival.Id}: {arrival.Problem}; both parts are kept sealed in {_inbox.Rejected}: check that the booth's Booth:Recipients holds this identity's public key, and open them with 'edgesentiment reviews open FILE --identity KEY' and the key they were sealed to");
                break;
            case ReviewArrivalKind.AlreadyHere:
            case ReviewArrivalKind.Waiting:
            default:
                break;
        }
    }

    private static string Fix(BrokerOutcomeKind kind, BrokerConnectionOptions connection) => kind switch
    {
        BrokerOutcomeKind.Refused => "start the broker, or correct --broker and --port",
        BrokerOutcomeKind.Unreachable => "check the network and the host name in --broker",
        BrokerOutcomeKind.TimedOut => $"check that the broker runs at {connection.Broker} and that a firewall lets the port through",
        BrokerOutcomeKind.Certificate => "give --ca-file the CA that issued the broker's certificate and --broker a name in it; check the clock",
        BrokerOutcomeKind.Tls => "check that the broker listens with TLS on that port, and give --cert-file and --key-file if it asks for a client certificate",
        BrokerOutcomeKind.NotAuthorized => "check the user name and password in --credentials-file, or the client certificate, against the broker's accounts",
        _ => "see the broker's log for why it refused the connection",
    };
}
