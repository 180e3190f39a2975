using System.Diagnostics.Metrics;
using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Mood;
using EdgeSentiment.Core.Summaries;
using EdgeSentiment.Device.Publishing;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Device.Storage.Outbox;
using EdgeSentiment.Testing;
using Microsoft.Extensions.Logging.Testing;

namespace EdgeSentiment.Device.Tests.Publishing;

/// <summary>A running <see cref="MqttPublisher"/> over a store (in memory unless given), with fast reconnects and a recording logger.</summary>
public sealed class PublisherRun : IAsyncDisposable
{
    public const string DeviceId = "room-7";

    private bool _stopped;

    private readonly IDisposable _store;

    private PublisherRun(MqttOptions options, IResultWriter writer, IOutbox outbox, IDisposable store, IMeterFactory? meterFactory, TimeProvider time)
    {
        Options = options;
        Writer = writer;
        Outbox = outbox;
        _store = store;
        Publisher = new MqttPublisher(Microsoft.Extensions.Options.Options.Create(options), outbox, time, Logger, meterFactory);
    }

    public MqttOptions Options { get; }

    /// <summary>The store's writer: what queues summaries and sessions in <see cref="Outbox"/>.</summary>
    public IResultWriter Writer { get; }

    public IOutbox Outbox { get; }

    public FakeLogger Logger { get; } = new();

    public MqttPublisher Publisher { get; }

    /// <summary>Options for a TLS connection to <paramref name="port"/> trusting <paramref name="certificates"/>' CA.</summary>
    public static MqttOptions TlsOptions(int port, TestCertificates certificates) => new()
    {
        Enabled = true,
        Host = "127.0.0.1",
        Port = port,
        DeviceId = DeviceId,
        CaFile = certificates.CaFile,
        ReconnectMinMilliseconds = 100,
        ReconnectMaxMilliseconds = 500,
        OutboxPollMilliseconds = 50,
        TimeoutSeconds = 5,
    };

    public static Task<PublisherRun> StartAsync(MqttOptions options, Action<InMemoryResultStore>? before = null) =>
        StartAsync(options, new InMemoryResultStore(), before);

    /// <summary>Starts a publisher over <paramref name="store"/>'s outbox; the run disposes the store.</summary>
    public static async Task<PublisherRun> StartAsync<TStore>(MqttOptions options, TStore store, Action<TStore>? before = null, IMeterFactory? meterFactory = null)
        where TStore : IResultWriter, IOutbox, IDisposable
    {
        var run = Create(options, store, store, store, meterFactory, TimeProvider.System);
        before?.Invoke(store);
        await run.Publisher.StartAsync(CancellationToken.None);
        return run;
    }

    /// <summary>Starts a publisher on its own clock over <paramref name="outbox"/>, filled by <paramref name="writer"/>; the run disposes <paramref name="store"/>.</summary>
    public static async Task<PublisherRun> StartAsync(MqttOptions options, IResultWriter writer, IOutbox outbox, IDisposable store, TimeProvider time)
    {
        var run = Create(options, writer, outbox, store, null, time);
        await run.Publisher.StartAsync(CancellationToken.None);
        return run;
    }

    /// <summary>Queues the summary of minute <paramref name="minute"/> (minutes after 2026-01-01 20:00 UTC) in the outbox.</summary>
    public static void AddMinute(IResultWriter store, int minute)
    {
        var start = new DateTime(2026, 1, 1, 20, 0, 0, DateTimeKind.Utc).AddMinutes(minute);
        var tally = new SentimentTally(30, 20, 4, 10, 6, new SentimentScores(0.2f, 0.5f, 0.3f));
        Assert.NotNull(store.AppendMinute(new MinuteSummary(start, tally, AudienceMood.Neutral)));
    }

    private static PublisherRun Create(MqttOptions options, IResultWriter writer, IOutbox outbox, IDisposable store, IMeterFactory? meterFactory, TimeProvider time)
    {
        var failures = new MqttOptionsValidator().Validate(null, options);
        Assert.True(failures.Succeeded, failures.FailureMessage);
        return new PublisherRun(options, writer, outbox, store, meterFactory, time);
    }

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await Publisher.StopAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Publisher.Dispose();
        _store.Dispose();
    }
}
