using System.Diagnostics.Metrics;
using System.Security.Authentication;
using System.Threading.Channels;
using EdgeSentiment.Core.Mood;
using EdgeSentiment.Device.Booth;
using EdgeSentiment.Device.Storage.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace EdgeSentiment.Device.Publishing;

/// <summary>
/// Keeps one connection to the broker and drains the store's outbox (minute and session summaries)
/// through it: oldest first, QoS 1, an entry removed only after the broker's PUBACK. Reconnects with
/// capped, jittered backoff from its own loop (never from the disconnected event), logs a stretch of
/// failures once per reason, and publishes the current mood, retained, on change. With the review
/// booth on it delivers the spool's sealed reviews the same way: each review's audio, then its
/// document, QoS 1, and the review leaves the spool only when the broker has acknowledged both.
/// </summary>
/// <remarks>
/// The loop sleeps until there is something to do: an entry joined the outbox (<see cref="IOutbox.Enqueued"/>),
/// the mood changed, the connection dropped, or a message the broker refused is due again. Windows
/// arrive twice a second and the outbox changes about once a minute, so it neither polls the
/// outbox nor wakes per window.
/// </remarks>
public sealed class MqttPublisher : BackgroundService
{
    private const int DrainBatch = 32;
    private const int NoMood = -1;

    private readonly MqttOptions _options;
    private readonly IOutbox _outbox;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock _statusGate = new();
    private readonly ConnectionEpisode _episode = new();
    private readonly MqttMetrics _metrics;
    private readonly ITimer _retry;
    private readonly ITimer _reviewRetry;
    private readonly RefusalBackoff _outboxRefusals;
    private readonly RefusalBackoff _reviewRefusals;
    private readonly ReviewSpool? _reviews;
    private int _outboxChanged;
    private int _reviewsChanged;
    private int _pendingMood = NoMood;
    private int _publishedMood = NoMood;
    private MqttConnectionState _state;
    private long _published;
    private long _publishedSessions;
    private long _publishedReviews;
    private DateTime? _lastSuccessUtc;
    private string? _lastError;
    private DateTime? _lastErrorUtc;

    public MqttPublisher(IOptions<MqttOptions> options, IOutbox outbox, TimeProvider time, ILogger logger, IMeterFactory? meterFactory = null, ReviewSpool? reviews = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(outbox);
        _options = options.Value;
        _outbox = outbox;
        _time = time;
        _logger = logger;
        _state = _options.Enabled ? MqttConnectionState.Connecting : MqttConnectionState.Disabled;
        _metrics = new MqttMetrics(meterFactory, outbox.Count, () => GetState());
        _outboxRefusals = new RefusalBackoff(_options.OutboxPollMilliseconds);
        _reviewRefusals = new RefusalBackoff(_options.OutboxPollMilliseconds);
        _retry = time.CreateTimer(
            _ =>
            {
                _outboxRefusals.Release();
                WakeForOutbox();
            },
            null,
            Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);
        _reviewRetry = time.CreateTimer(
            _ =>
            {
                _reviewRefusals.Release();
                OnReviewWaiting("");
            },
            null,
            Timeout.InfiniteTimeSpan,
            Timeout.InfiniteTimeSpan);
        _outbox.Enqueued += OnEnqueued;
        _reviews = reviews;
        if (_reviews is not null)
        {
            _reviews.ReviewWaiting += OnReviewWaiting;
        }
    }

    private string Broker => $"{_options.Host}:{_options.Port}";

    /// <summary>Notes the mood the indicators now show; it is published (retained) when it differs from the last one. Never blocks.</summary>
    public void PublishMood(AudienceMood mood)
    {
        // Called for every window; only a different mood is news for the loop.
        if (Interlocked.Exchange(ref _pendingMood, (int)mood) != (int)mood)
        {
            _wake.Writer.TryWrite(true);
        }
    }

    /// <summary>A snapshot for the status command: connection state, outbox depth and drops, what was published, last error and last success.</summary>
    public MqttStatus GetStatus()
    {
        var depth = _outbox.Count();
        var dropped = _outbox.Dropped;
        lock (_statusGate)
        {
            return new MqttStatus(_state, Broker, depth, _published, _lastSuccessUtc, _lastError, _lastErrorUtc)
            {
                PublishedSessions = _publishedSessions,
                PublishedReviews = _publishedReviews,
                OutboxDropped = dropped,
                FailedAttempts = _episode.Failures,
            };
        }
    }

    public override void Dispose()
    {
        _outbox.Enqueued -= OnEnqueued;
        if (_reviews is not null)
        {
            _reviews.ReviewWaiting -= OnReviewWaiting;
        }

        _retry.Dispose();
        _reviewRetry.Dispose();
        _metrics.Dispose();
        base.Dispose();
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
            string reason;
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
                await client.ConnectAsync(connection.Build(will, r => refusal = r), stoppingToken).ConfigureAwait(false);
                failures = 0;
                wasConnected = true;
                OnConnected(connection);
                await PublishAsync(client, "status", Status("online"), retain: true, stoppingToken).ConfigureAwait(false);
                await AnnounceAsync(client, stoppingToken).ConfigureAwait(false);
                await RunConnectedAsync(client, stoppingToken).ConfigureAwait(false);

                // The connection dropped without an exception (the broker went away between publishes).
                reason = "the broker closed the connection";
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                await StopCleanlyAsync(client, connection).ConfigureAwait(false);
                break;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                reason = refusal ?? Describe(ex);
            }

            if (stoppingToken.IsCancellationRequested)
            {
                await StopCleanlyAsync(client, connection).ConfigureAwait(false);
                break;
            }

            // One way back for a failed attempt and a lost connection: log once per reason, wait, retry.
            var delay = Backoff(failures++);
            OnFailed(connection, wasConnected, refusal, reason, delay);
            try
            {
                await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        SetState(MqttConnectionState.Stopped);
    }

    private void OnConnected(BrokerConnectionOptions connection)
    {
        int attempts;
        lock (_statusGate)
        {
            attempts = _episode.Succeed();
            _state = MqttConnectionState.Connected;
        }

        if (attempts > 0)
        {
            MqttLog.Reconnected(_logger, connection.Broker, connection.ClientId, attempts);
        }
        else
        {
            MqttLog.Connected(_logger, connection.Broker, connection.ClientId);
        }
    }

    private void OnFailed(BrokerConnectionOptions connection, bool wasConnected, string? refusal, string reason, TimeSpan delay)
    {
        var news = false;
        lock (_statusGate)
        {
            if (wasConnected)
            {
                _episode.Lose(reason);
            }
            else
            {
                news = _episode.Fail(reason);
            }
        }

        if (wasConnected)
        {
            MqttLog.ConnectionLost(_logger, connection.Broker, reason);
        }
        else if (refusal is not null)
        {
            MqttLog.CertificateRefused(_logger, news ? LogLevel.Error : LogLevel.Debug, connection.Broker, refusal);
        }
        else
        {
            MqttLog.ConnectFailed(_logger, news ? LogLevel.Warning : LogLevel.Debug, connection.Broker, reason, delay);
        }

        SetError(reason, MqttConnectionState.WaitingToReconnect);
    }

    private async Task RunConnectedAsync(IMqttClient client, CancellationToken stoppingToken)
    {
        // What was queued while the device was not connected goes out first.
        Volatile.Write(ref _outboxChanged, 1);
        Volatile.Write(ref _reviewsChanged, 1);
        while (client.IsConnected)
        {
            await PublishMoodIfChangedAsync(client, stoppingToken).ConfigureAwait(false);
            if (Interlocked.Exchange(ref _outboxChanged, 0) == 1)
            {
                await DrainOutboxAsync(client, stoppingToken).ConfigureAwait(false);
            }

            if (Interlocked.Exchange(ref _reviewsChanged, 0) == 1)
            {
                await DeliverReviewsAsync(client, stoppingToken).ConfigureAwait(false);
            }

            await _wake.Reader.ReadAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task DrainOutboxAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        // After a refusal the outbox waits its turn (its timer wakes it), whatever else wakes the publisher.
        if (_outboxRefusals.Holding)
        {
            return;
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = _outbox.PeekOldest(DrainBatch);
            if (batch.Count == 0)
            {
                return;
            }

            foreach (var entry in batch)
            {
                // The body's property is named like the topic: "summary" or "session".
                var subtopic = entry.Kind == OutboxKind.Session ? "session" : "summary";
                var payload = MessageEnvelope.WithJson(entry.MessageId, entry.CreatedUtc, _options.DeviceId, subtopic, entry.Payload.Span);
                var result = await PublishAsync(client, subtopic, payload, retain: false, cancellationToken).ConfigureAwait(false);
                if (!result.IsSuccess)
                {
                    var reason = $"{result.ReasonCode} {result.ReasonString}".Trim();
                    var (wait, log) = _outboxRefusals.Refused($"{entry.MessageId}: {reason}");
                    if (log)
                    {
                        MqttLog.PublishRefused(_logger, entry.MessageId, $"{_options.TopicPrefix}/{subtopic}", reason);
                    }

                    SetError($"broker refused a {subtopic}: {reason}", MqttConnectionState.Connected);
                    _retry.Change(wait, Timeout.InfiniteTimeSpan);
                    return;
                }

                _outboxRefusals.Accepted();

                if (!_outbox.Acknowledge(entry.MessageId))
                {
                    // Still in the outbox: it goes again (same id) once the store can remove it.
                    MqttLog.AcknowledgeFailed(_logger, entry.MessageId);
                    RetryLater();
                }

                lock (_statusGate)
                {
                    if (entry.Kind == OutboxKind.Session)
                    {
                        _publishedSessions++;
                    }
                    else
                    {
                        _published++;
                    }
                }
            }

            if (batch.Count < DrainBatch)
            {
                return;
            }
        }
    }

    private async Task DeliverReviewsAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        // After a refusal the spool waits its turn (its own timer wakes it), whatever else wakes the publisher.
        if (_reviews is null || _reviewRefusals.Holding)
        {
            return;
        }

        foreach (var id in _reviews.Waiting())
        {
            byte[] audio;
            byte[] document;
            try
            {
                audio = await File.ReadAllBytesAsync(_reviews.AudioPath(id), cancellationToken).ConfigureAwait(false);
                document = await File.ReadAllBytesAsync(_reviews.DocumentPath(id), cancellationToken).ConfigureAwait(false);
            }
            catch (IOException)
            {
                // Removed or being removed meanwhile: nothing to deliver.
                continue;
            }

            // The audio first: a receiver that has the document has the whole review.
            if (!await PublishReviewPartAsync(client, id, ReviewMessage.AudioPart, audio, cancellationToken).ConfigureAwait(false)
                || !await PublishReviewPartAsync(client, id, ReviewMessage.DocumentPart, document, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            _reviewRefusals.Accepted();

            try
            {
                _reviews.Remove(id);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                MqttLog.ReviewRemoveFailed(_logger, id, e.Message);
                RetryLater();
                return;
            }

            MqttLog.ReviewDelivered(_logger, id, audio.LongLength + document.LongLength);
            lock (_statusGate)
            {
                _publishedReviews++;
            }
        }
    }

    private async Task<bool> PublishReviewPartAsync(IMqttClient client, string id, string part, byte[] payload, CancellationToken cancellationToken)
    {
        var message = ReviewMessage.Build($"{_options.TopicPrefix}/{ReviewMessage.Subtopic}", _options.DeviceId, id, part, payload);
        var result = await client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
        if (result.IsSuccess)
        {
            _metrics.Published(ReviewMessage.Subtopic);
            lock (_statusGate)
            {
                _lastSuccessUtc = _time.GetUtcNow().UtcDateTime;
            }

            return true;
        }

        var reason = $"{result.ReasonCode} {result.ReasonString}".Trim();
        var (wait, log) = _reviewRefusals.Refused($"{id} {part}: {reason}");
        if (log)
        {
            MqttLog.ReviewRefused(_logger, part, id, reason);
        }

        SetError($"broker refused a review: {reason}", MqttConnectionState.Connected);
        _reviewRetry.Change(wait, Timeout.InfiniteTimeSpan);
        return false;
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
        else
        {
            RetryLater();
        }
    }

    private async Task AnnounceAsync(IMqttClient client, CancellationToken cancellationToken)
    {
        if (!_options.HomeAssistantDiscovery)
        {
            return;
        }

        var messages = HomeAssistantDiscovery.Messages(_options);
        foreach (var (topic, payload) in messages)
        {
            var result = await PublishToAsync(client, topic, "discovery", payload, retain: true, cancellationToken).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                var reason = $"{result.ReasonCode} {result.ReasonString}".Trim();
                MqttLog.PublishRefused(_logger, Guid.Empty, topic, reason);
                SetError($"broker refused a Home Assistant config: {reason}", MqttConnectionState.Connected);
                return;
            }
        }

        MqttLog.DiscoveryPublished(_logger, messages.Count, _options.HomeAssistantPrefix);
    }

    private Task<MqttClientPublishResult> PublishAsync(IMqttClient client, string subtopic, byte[] payload, bool retain, CancellationToken cancellationToken) =>
        PublishToAsync(client, $"{_options.TopicPrefix}/{subtopic}", subtopic, payload, retain, cancellationToken);

    private async Task<MqttClientPublishResult> PublishToAsync(IMqttClient client, string topic, string metricTopic, byte[] payload, bool retain, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithContentType("application/json")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build();
        var result = await client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
        if (result.IsSuccess)
        {
            _metrics.Published(metricTopic);
            lock (_statusGate)
            {
                _lastSuccessUtc = _time.GetUtcNow().UtcDateTime;
            }
        }

        return result;
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

        var pending = _outbox.Count();
        MqttLog.Stopped(_logger, connection.Broker, pending);
    }

    private void OnEnqueued(object? sender, EventArgs e) => WakeForOutbox();

    private void OnReviewWaiting(string id)
    {
        Volatile.Write(ref _reviewsChanged, 1);
        _wake.Writer.TryWrite(true);
    }

    private void WakeForOutbox()
    {
        Volatile.Write(ref _outboxChanged, 1);
        Volatile.Write(ref _reviewsChanged, 1);
        _wake.Writer.TryWrite(true);
    }

    /// <summary>Looks at the outbox and the mood again after <see cref="MqttOptions.OutboxPollMilliseconds"/>: what the broker refused is offered again.</summary>
    private void RetryLater() =>
        _retry.Change(TimeSpan.FromMilliseconds(_options.OutboxPollMilliseconds), Timeout.InfiniteTimeSpan);

    private MqttConnectionState GetState()
    {
        lock (_statusGate)
        {
            return _state;
        }
    }

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
