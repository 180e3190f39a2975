using EdgeSentiment.Cli.Doctor;
using EdgeSentiment.Device.Publishing;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace EdgeSentiment.Cli.Reviews;

/// <summary>
/// One persistent MQTT session that takes review parts into a <see cref="ReviewInbox"/>. A message is
/// acknowledged only once its part is on disk; a part that arrives after the wanted count, or that the disk
/// refused, is not acknowledged, so the broker offers it again at the next connect. A connection lost while
/// receiving is made again, with the same session.
/// </summary>
public sealed class ReviewReceiver : IDisposable
{
    /// <summary>How long the broker keeps the session, and the reviews it queues, while the studio is away.</summary>
    public const uint SessionExpirySeconds = 7 * 24 * 3600;

    /// <summary>The longest wait between two attempts to connect again.</summary>
    public static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);

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

    /// <summary>
    /// Connects, subscribes to <paramref name="topicFilter"/> and receives until the count is reached or
    /// <paramref name="cancellationToken"/> is cancelled (exit 0). A connection lost later is made again,
    /// waiting 1 s, then twice as long each time, at most <see cref="MaxRetry"/>: the session is kept at the
    /// broker, so what came meanwhile arrives then. A broker that cannot be reached at the start, or that
    /// refuses the certificate or the login at any time, ends the run (exit 1); returns the exit code.
    /// </summary>
    public async Task<int> RunAsync(BrokerConnectionOptions connection, string clientId, string topicFilter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        foreach (var arrival in _inbox.Recover())
        {
            Report(arrival, device: "?");
        }

        if (_count is { } wanted && _received >= wanted)
        {
            return ExitCodes.Ok;
        }

        var retry = FirstRetry;
        string? lastProblem = null;
        var connected = false;
        while (true)
        {
            var (code, lost) = await ReceiveOnceAsync(connection, clientId, topicFilter, reconnecting: connected, cancellationToken);
            if (code is { } exit)
            {
                return exit;
            }

            if (lost.Connected)
            {
                connected = true;
                retry = FirstRetry;
                lastProblem = null;
            }

            if (lost.Problem != lastProblem)
            {
                _console.Error.WriteLine($"warning: {lost.Problem}; connecting again (at most every {MaxRetry.TotalSeconds:0} s); the broker keeps the reviews for client id {clientId} meanwhile");
                lastProblem = lost.Problem;
            }

            try
            {
                await Task.Delay(retry, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return ExitCodes.Ok;
            }

            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, MaxRetry.Ticks));
        }
    }

    /// <summary>
    /// One connection: an exit code when the run ends, or what went wrong and whether it had connected
    /// when the connection should be made again.
    /// </summary>
    private async Task<(int? Code, (string Problem, bool Connected) Lost)> ReceiveOnceAsync(
        BrokerConnectionOptions connection, string clientId, string topicFilter, bool reconnecting, CancellationToken cancellationToken)
    {
        string? refusal = null;
        var options = connection.Build([], reason => refusal = reason);
        options.ProtocolVersion = MQTTnet.Formatter.MqttProtocolVersion.V500;
        options.ClientId = clientId;
        options.CleanSession = false;
        options.SessionExpiryInterval = SessionExpirySeconds;
        options.WillTopic = null;
        options.WillPayload = null;
        options.WillRetain = false;

        using var client = new MqttClientFactory().CreateMqttClient();
        var stopping = false;
        var lost = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        // Attached before CONNECT: a kept session delivers what waited for it right after CONNACK.
        client.ApplicationMessageReceivedAsync += OnMessageAsync;
        client.DisconnectedAsync += e =>
        {
            if (!stopping && e.ClientWasConnected)
            {
                lost.TrySetResult($"the connection to {connection.Broker} was lost ({e.Reason})");
            }

            return Task.CompletedTask;
        };

        BrokerOutcome outcome;
        try
        {
            outcome = await MqttBrokerProbe.ConnectAsync(client, options, connection, () => refusal, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return (ExitCodes.Ok, default);
        }

        if (outcome.Kind != BrokerOutcomeKind.Connected)
        {
            // Once it has received, a broker away (restarting, the network down) is waited for; a refusal is not.
            if (reconnecting && outcome.Kind is BrokerOutcomeKind.Refused or BrokerOutcomeKind.Unreachable or BrokerOutcomeKind.TimedOut)
            {
                return (null, ($"cannot reach {connection.Broker}: {outcome.Detail}", false));
            }

            _console.Fail($"cannot receive reviews: {ReviewReceiveCommand.OptionNames(outcome.Detail)}; {Fix(outcome.Kind, connection)}");
            return (ExitCodes.Failed, default);
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
            return (null, ($"the connection to {connection.Broker} was lost while subscribing ({e.Message})", true));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            stopping = true;
            return (ExitCodes.Ok, default);
        }

        if (granted is not (MqttClientSubscribeResultCode.GrantedQoS1 or MqttClientSubscribeResultCode.GrantedQoS2))
        {
            stopping = true;
            _console.Fail($"the broker refused the subscription to {topicFilter} with QoS 1 ({granted}); check the broker's access rules for client id {clientId}");
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
            return (ExitCodes.Failed, default);
        }

        if (reconnecting)
        {
            _console.Error.WriteLine($"Connected again to {connection.Broker}; receiving.");
        }
        else if (_console.IsInteractive)
        {
            _console.Error.WriteLine($"Receiving reviews on {topicFilter} from {connection.Broker} as {clientId} into {_inbox.Folder}; Ctrl+C to stop.");
        }

        int code;
        try
        {
            if (await Task.WhenAny(_done.Task, lost.Task).WaitAsync(cancellationToken) == lost.Task && !_done.Task.IsCompleted)
            {
                return (null, (lost.Task.Result, true));
            }

            code = await _done.Task;
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

        return (code, default);
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
