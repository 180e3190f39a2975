using System.Security.Authentication;
using System.Threading.Channels;
using EdgeSentiment.Agent.Storage;
using EdgeSentiment.Core.Mood;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace EdgeSentiment.Agent.Publishing;

/// <summary>
/// Keeps one connection to the broker and drains the store's outbox through it: oldest first, QoS 1,
/// an entry removed only after the broker's PUBACK. Reconnects with capped, jittered backoff from its
/// own loop (never from the disconnected event) and publishes the current mood, retained, on change.
/// </summary>
public sealed class MqttPublisher : BackgroundService
{
    private const int DrainBatch = 32;
    private const int NoMood = -1;

    private readonly MqttOptions _options;
    private readonly IResultStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock _statusGate = new();
    private int _pendingMood = NoMood;
    private int _publishedMood = NoMood;
    private MqttConnectionState _state;
    private long _published;
    private DateTime? _lastSuccessUtc;
    private string? _lastError;
    private DateTime? _lastErrorUtc;

    public MqttPublisher(IOptions<MqttOptions> options, IResultStore store, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _store = store;
        _time = time;
        _logger = logger;
        _state = _options.Enabled ? MqttConnectionState.Connecting : MqttConnectionState.Disabled;
    }

    private string Broker => $"{_options.Host}:{_options.Port}";

    /// <summary>Notes the mood the indicators now show; it is published (retained) when it differs from the last one. Never blocks.</summary>
    public void PublishMood(AudienceMood mood)
    {
        Interlocked.Exchange(ref _pendingMood, (int)mood);
        _wake.Writer.TryWrite(true);
    }

    /// <summary>A snapshot for the status command and metrics.</summary>
    public MqttStatus GetStatus()
    {
        var depth = OutboxDepth();
        lock (_statusGate)
        {
            return new MqttStatus(_state, Broker, depth, _published, _lastSuccessUtc, _lastError, _lastErrorUtc);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            MqttLog.Disabled(_logger);
            return;
        }

        if (_options.AllowInsecure)
        {
            MqttLog.Insecure(_logger, Broker);
        }

        BrokerConnectionOptions connection;
        try
        {
            connection = BrokerConnectionOptions.Load(_options, _time);
        }
        catch (InvalidOperationException ex)
        {
            MqttLog.SetupFailed(_logger, ex.Message);
            SetError(ex.Message, MqttConnectionState.Stopped);
            return;
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            SetState(MqttConnectionState.Connecting);
            string? refusal = null;
            var wasConnected = false;
            using var client = new MqttClientFactory().CreateMqttClient();
            client.DisconnectedAsync += _ =>
            {
                // Only wakes the loop; reconnecting happens there, with backoff.
                _wake.Writer.TryWrite(true);
                return Task.CompletedTask;
            };
            try
            {
                var will = Status("offline");
                await client.ConnectAsync(connection.Build(will, reason => refusal = reason), stoppingToken).ConfigureAwait(false);
                failures = 0;
                wasConnected = true;
                SetState(MqttConnectionState.Connected);
                MqttLog.Connected(_logger, connection.Broker, connection.ClientId);
                await PublishAsync(client, "status", Status("online"), retain: true, stoppingToken).ConfigureAwait(false);
                await RunConnectedAsync(client, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                await StopCleanlyAsync(client, connection).ConfigureAwait(false);
                break;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                var reason = refusal ?? Describe(ex);
                if (refusal is not null)
                {
                    MqttLog.CertificateRefused(_logger, connection.Broker, refusal);
                }

                var delay = Backoff(failures++);
                if (wasConnected)
                {
                    MqttLog.ConnectionLost(_logger, connection.Broker, reason);
                }
                else
                {
                    MqttLog.ConnectFailed(_logger, connection.Broker, reason, delay);
                }

                SetError(reason, MqttConnectionState.WaitingToReconnect);
                try
                {
                    await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                continue;
            }

            if (!stoppingToken.IsCancellationRequested)
            {
                // The connection dropped without an exception (the broker went away between publishes).
                var delay = Backoff(failures++);
                MqttLog.ConnectionLost(_logger, connection.Broker, "the broker closed the connection");
                SetError("the broker closed the connection", MqttConnectionState.WaitingToReconnect);
                try
                {
                    await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            else
            {
                await StopCleanlyAsync(client, connection).ConfigureAwait(false);
            }
        }

        SetState(MqttConnectionState.Stopped);
    }

    private async Task RunConnectedAsync(IMqttClient client, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested && client.IsConnected)
        {
            await PublishMoodIfChangedAsync(client, stoppingToken).ConfigureAwait(false);
            await DrainOutboxAsync(client, stoppingToken).ConfigureAwait(false);
            using var poll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            poll.CancelAfter(TimeSpan.FromMilliseconds(_options.OutboxPollMilliseconds));
            try
            {
                await _wake.Reader.ReadAsync(poll.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // The poll interval passed: look at the outbox again.
            }
        }
    }

    private async Task DrainOutboxAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = _store.PeekOldest(DrainBatch);
            if (batch.Count == 0)
            {
                return;
            }

            foreach (var entry in batch)
            {
                var payload = MessageEnvelope.WithJson(entry.MessageId, entry.CreatedUtc, _options.DeviceId, "summary", entry.Payload.Span);
                var result = await PublishAsync(client, "summary", payload, retain: false, cancellationToken).ConfigureAwait(false);
                if (!result.IsSuccess)
                {
                    var reason = $"{result.ReasonCode} {result.ReasonString}".Trim();
                    MqttLog.PublishRefused(_logger, entry.MessageId, $"{_options.TopicPrefix}/summary", reason);
                    SetError($"broker refused a summary: {reason}", MqttConnectionState.Connected);
                    return;
                }

                if (!_store.Acknowledge(entry.MessageId))
                {
                    MqttLog.AcknowledgeFailed(_logger, entry.MessageId);
                }

                lock (_statusGate)
                {
                    _published++;
                    _lastSuccessUtc = _time.GetUtcNow().UtcDateTime;
                }
            }

            if (batch.Count < DrainBatch)
            {
                return;
            }
        }
    }

    private async Task PublishMoodIfChangedAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        var mood = Volatile.Read(ref _pendingMood);
        if (mood == NoMood || mood == _publishedMood)
        {
            return;
        }

        var payload = MessageEnvelope.WithString(Guid.CreateVersion7(), _time.GetUtcNow().UtcDateTime, _options.DeviceId, "mood", ((AudienceMood)mood).ToString());
        var result = await PublishAsync(client, "mood", payload, retain: true, cancellationToken).ConfigureAwait(false);
        if (result.IsSuccess)
        {
            _publishedMood = mood;
        }
    }

    private Task<MqttClientPublishResult> PublishAsync(IMqttClient client, string subtopic, byte[] payload, bool retain, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic($"{_options.TopicPrefix}/{subtopic}")
            .WithPayload(payload)
            .WithContentType("application/json")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build();
        return client.PublishAsync(message, cancellationToken);
    }

    private async Task StopCleanlyAsync(IMqttClient client, BrokerConnectionOptions connection)
    {
        if (!client.IsConnected)
        {
            return;
        }

        // A clean DISCONNECT suppresses the last will, so the retained status is set to offline first.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        try
        {
            await PublishAsync(client, "status", Status("offline"), retain: true, timeout.Token).ConfigureAwait(false);
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is MqttCommunicationException or OperationCanceledException or IOException)
        {
            // Leaving without a clean goodbye only means the broker sends the last will instead.
        }

        var pending = OutboxDepth();
        MqttLog.Stopped(_logger, connection.Broker, pending);
    }

    // Counted by the store, not by peeking: a peek sized for "everything" would allocate for it.
    private int OutboxDepth() =>
        _store.GetStatus().RecordCounts.TryGetValue(StoreCollections.Outbox, out var depth) ? depth : 0;

    private byte[] Status(string state) =>
        MessageEnvelope.WithString(Guid.CreateVersion7(), _time.GetUtcNow().UtcDateTime, _options.DeviceId, "state", state);

    // Full jitter between half and all of the capped exponential delay, so a room of devices that lost
    // the same broker does not come back in lockstep.
    private TimeSpan Backoff(int failures)
    {
        var cap = (double)_options.ReconnectMaxMilliseconds;
        var exponential = Math.Min(cap, _options.ReconnectMinMilliseconds * Math.Pow(2, Math.Min(failures, 30)));
        var jittered = (exponential / 2) + (Random.Shared.NextDouble() * exponential / 2);
        return TimeSpan.FromMilliseconds(jittered);
    }

    private static string Describe(Exception ex)
    {
        var innermost = ex;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return innermost is AuthenticationException || ex.ToString().Contains("SSL", StringComparison.OrdinalIgnoreCase)
            ? $"the TLS handshake failed ({innermost.Message}); is the broker listening with TLS on this port?"
            : innermost.Message;
    }

    private void SetState(MqttConnectionState state)
    {
        lock (_statusGate)
        {
            _state = state;
        }
    }

    private void SetError(string reason, MqttConnectionState state)
    {
        lock (_statusGate)
        {
            _state = state;
            _lastError = reason;
            _lastErrorUtc = _time.GetUtcNow().UtcDateTime;
        }
    }
}
