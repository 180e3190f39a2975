using System.Diagnostics.Metrics;
using System.Text.Json;
using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Mood;
using EdgeSentiment.Core.Summaries;
using EdgeSentiment.Device.Pipeline;
using EdgeSentiment.Device.Publishing;
using EdgeSentiment.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace EdgeSentiment.Device.Tests.Publishing;

public sealed class SessionTopicTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly TestCertificates _certificates = new();
    private readonly StoreTestBed _bed = new();

    public void Dispose()
    {
        _bed.Dispose();
        _certificates.Dispose();
    }

    [Fact]
    public async Task Publish_EndedScreening_ArrivesOnTheSessionTopicInTheDocumentedShapeInOutboxOrderAndIsCounted()
    {
        using var broker = new MosquittoBroker(_certificates.CaFile, _certificates.Server);
        await using var subscriber = await TestSubscriber.ConnectAsync(broker.Port);
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var published = new MetricCollector<long>(meters, PipelineMetrics.MeterName, MqttMetrics.PublishedName);
        using var outboxDepth = new MetricCollector<int>(meters, PipelineMetrics.MeterName, MqttMetrics.OutboxDepthName);
        using var connection = new MetricCollector<int>(meters, PipelineMetrics.MeterName, MqttMetrics.ConnectionStateName);
        var tally = new SentimentTally(240, 200, 40, 100, 60, new SentimentScores(0.25f, 0.45f, 0.3f));
        Guid titled = default;
        Guid untitled = default;
        await using var run = await PublisherRun.StartAsync(PublisherRun.TlsOptions(broker.Port, _certificates), _bed.Open(), store =>
        {
            PublisherRun.AddMinute(store, 0);
            _bed.Time.Advance(TimeSpan.FromMinutes(1));
            titled = store.BeginSession(StoreTestBed.Origin, "Matinee")!.Value;
            Assert.True(store.EndSession(titled, StoreTestBed.Origin.AddHours(2), tally, AudienceMood.Neutral));
            _bed.Time.Advance(TimeSpan.FromMinutes(1));
            PublisherRun.AddMinute(store, 1);
            _bed.Time.Advance(TimeSpan.FromMinutes(1));
            untitled = store.BeginSession(StoreTestBed.Origin.AddHours(3), null)!.Value;
            Assert.True(store.EndSession(untitled, StoreTestBed.Origin.AddHours(4), default, AudienceMood.NoSpeech));
        }, meters);

        Assert.True(await subscriber.WaitForAsync(m => Outbox(m).Count == 4, Patience), broker.Log);

        var sent = Outbox(subscriber.Messages);
        Assert.Equal(["summary", "session", "summary", "session"], sent.Select(m => m.Topic[(m.Topic.LastIndexOf('/') + 1)..]));
        MessageShapes.AssertSession(sent[1].Body);
        MessageShapes.AssertSession(sent[3].Body);
        var session = sent[1].Body.GetProperty("session");
        Assert.Equal(titled, session.GetProperty("sessionId").GetGuid());
        Assert.Equal("Matinee", session.GetProperty("title").GetString());
        Assert.Equal(StoreTestBed.Origin, session.GetProperty("startUtc").GetDateTime().ToUniversalTime());
        Assert.Equal(StoreTestBed.Origin.AddHours(2), session.GetProperty("endUtc").GetDateTime().ToUniversalTime());
        Assert.Equal("Neutral", session.GetProperty("dominantMood").GetString());
        Assert.Equal(240, session.GetProperty("tally").GetProperty("windowCount").GetInt32());
        Assert.Equal(0.45, session.GetProperty("tally").GetProperty("meanScores").GetProperty("neutral").GetDouble(), 5);
        Assert.Equal(JsonValueKind.Null, sent[3].Body.GetProperty("session").GetProperty("title").ValueKind);
        Assert.Equal(untitled, sent[3].Body.GetProperty("session").GetProperty("sessionId").GetGuid());

        Assert.True(await Eventually.Within(Patience, () => run.Outbox.Count() == 0), "acknowledged entries must leave the outbox");
        var status = run.Publisher.GetStatus();
        Assert.Equal(2, status.PublishedSummaries);
        Assert.Equal(2, status.PublishedSessions);
        Assert.Equal(0, status.OutboxDepth);
        Assert.Equal(2, Published(published, "summary"));
        Assert.Equal(2, Published(published, "session"));
        Assert.True(Published(published, "status") >= 1);
        Assert.Equal(0, Latest(outboxDepth));
        Assert.Equal((int)MqttConnectionState.Connected, Latest(connection));
        run.Logger.AssertNoErrors();
        _bed.Logger.AssertNoErrors();
    }

    [Fact]
    public async Task Gauges_BrokerAway_ShowTheWaitingOutboxAndTheState()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var published = new MetricCollector<long>(meters, PipelineMetrics.MeterName, MqttMetrics.PublishedName);
        using var outboxDepth = new MetricCollector<int>(meters, PipelineMetrics.MeterName, MqttMetrics.OutboxDepthName);
        using var connection = new MetricCollector<int>(meters, PipelineMetrics.MeterName, MqttMetrics.ConnectionStateName);
        var options = PublisherRun.TlsOptions(MosquittoBroker.FreePort(), _certificates);
        await using var run = await PublisherRun.StartAsync(options, _bed.Open(), store =>
        {
            PublisherRun.AddMinute(store, 0);
            PublisherRun.AddMinute(store, 1);
        }, meters);

        Assert.True(await Eventually.Within(Patience, () => run.Publisher.GetStatus().State == MqttConnectionState.WaitingToReconnect));
        Assert.Equal(2, Latest(outboxDepth));
        Assert.Contains(Latest(connection), new int?[] { (int)MqttConnectionState.Connecting, (int)MqttConnectionState.WaitingToReconnect });
        Assert.Equal(0, Published(published, "summary"));
        var status = run.Publisher.GetStatus();
        Assert.Equal(2, status.OutboxDepth);
        Assert.NotNull(status.LastError);
        Assert.Null(status.LastSuccessUtc);
        Assert.True(status.FailedAttempts >= 1);
    }

    private static long Published(MetricCollector<long> published, string topic) =>
        published.GetMeasurementSnapshot().ContainsTags(new KeyValuePair<string, object?>("topic", topic)).EvaluateAsCounter();

    private static int? Latest(MetricCollector<int> gauge)
    {
        gauge.RecordObservableInstruments();
        return gauge.LastMeasurement?.Value;
    }

    private static List<(string Topic, JsonElement Body, bool Retained)> Outbox(IReadOnlyList<(string Topic, JsonElement Body, bool Retained)> messages) =>
        messages.Where(m => m.Topic.EndsWith("/summary", StringComparison.Ordinal) || m.Topic.EndsWith("/session", StringComparison.Ordinal)).ToList();
}
