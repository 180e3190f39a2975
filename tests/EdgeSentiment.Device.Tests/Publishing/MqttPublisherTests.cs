using System.Text.Json;
using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Mood;
using EdgeSentiment.Core.Summaries;
using EdgeSentiment.Device.Publishing;
using EdgeSentiment.Testing;
using Microsoft.Extensions.Logging;

namespace EdgeSentiment.Device.Tests.Publishing;

public sealed class MqttPublisherTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly TestCertificates _certificates = new();

    public void Dispose() => _certificates.Dispose();

    [Fact]
    public async Task Publish_SummariesInTheOutbox_ArriveOldestFirstInTheDocumentedEnvelopeAndLeaveTheOutbox()
    {
        using var broker = new MosquittoBroker(_certificates.CaFile, _certificates.Server);
        await using var subscriber = await TestSubscriber.ConnectAsync(broker.Port);
        await using var run = await PublisherRun.StartAsync(PublisherRun.TlsOptions(broker.Port, _certificates), store =>
        {
            for (var minute = 0; minute < 5; minute++)
            {
                PublisherRun.AddMinute(store, minute);
            }
        });

        Assert.True(await subscriber.WaitForAsync(m => Summaries(m).Count == 5, Patience), broker.Log);
        var summaries = Summaries(subscriber.Messages);
        for (var i = 0; i < summaries.Count; i++)
        {
            MessageShapes.AssertSummary(summaries[i]);
            Assert.Equal(new DateTime(2026, 1, 1, 20, i, 0, DateTimeKind.Utc), summaries[i].GetProperty("summary").GetProperty("minuteStartUtc").GetDateTime().ToUniversalTime());
        }

        Assert.Equal(5, summaries.Select(s => s.GetProperty("id").GetGuid()).Distinct().Count());
        Assert.True(await Eventually.Within(Patience, () => run.Outbox.PeekOldest(10).Count == 0), "acknowledged entries must leave the outbox");
        var status = run.Publisher.GetStatus();
        Assert.Equal(MqttConnectionState.Connected, status.State);
        Assert.Equal(0, status.OutboxDepth);
        Assert.Equal(5, status.PublishedSummaries);
        Assert.NotNull(status.LastSuccessUtc);
        run.Logger.AssertNoErrors();
    }

    [Fact]
    public async Task Publish_AMinuteOfFilm_CarriesTheFilmCountsAndRatiosInTheDocumentedShape()
    {
        using var broker = new MosquittoBroker(_certificates.CaFile, _certificates.Server);
        await using var subscriber = await TestSubscriber.ConnectAsync(broker.Port);
        var start = new DateTime(2026, 1, 1, 20, 0, 0, DateTimeKind.Utc);
        var tally = new SentimentTally(120, 30, 5, 15, 10, new SentimentScores(0.2f, 0.5f, 0.3f), FilmWindowCount: 60, AudienceOverFilmCount: 18);
        await using var run = await PublisherRun.StartAsync(
            PublisherRun.TlsOptions(broker.Port, _certificates),
            store => Assert.NotNull(store.AppendMinute(new MinuteSummary(start, tally, AudienceMood.Film))));

        Assert.True(await subscriber.WaitForAsync(m => Summaries(m).Count == 1, Patience), broker.Log);
        var summary = Summaries(subscriber.Messages)[0];
        MessageShapes.AssertSummary(summary);
        Assert.Equal("Film", summary.GetProperty("summary").GetProperty("dominantMood").GetString());
        var published = summary.GetProperty("summary").GetProperty("tally");
        Assert.Equal(60, published.GetProperty("filmWindowCount").GetInt32());
        Assert.Equal(18, published.GetProperty("audienceOverFilmCount").GetInt32());
        Assert.Equal(0.5, published.GetProperty("filmRatio").GetDouble(), 6);
        Assert.Equal(0.15, published.GetProperty("audienceOverFilmRatio").GetDouble(), 6);
        run.Logger.AssertNoErrors();
    }

    [Fact]
    public async Task Status_ConnectThenCleanStop_OnlineThenOfflineBothRetained()
    {
        using var broker = new MosquittoBroker(_certificates.CaFile, _certificates.Server);
        await using var run = await PublisherRun.StartAsync(PublisherRun.TlsOptions(broker.Port, _certificates));
        await using var early = await TestSubscriber.ConnectAsync(broker.Port);
        Assert.True(await early.WaitForAsync(m => States(m).Contains("online"), Patience));

        await using (var late = await TestSubscriber.ConnectAsync(broker.Port))
        {
            Assert.True(await late.WaitForAsync(m => m.Any(x => x.Topic.EndsWith("/status", StringComparison.Ordinal) && x.Retained), Patience), "a late subscriber gets the retained status");
            MessageShapes.AssertStatus(late.Messages.First(x => x.Topic.EndsWith("/status", StringComparison.Ordinal)).Body);
        }

        await run.StopAsync();
        Assert.True(await early.WaitForAsync(m => States(m).LastOrDefault() == "offline", Patience));
        run.Logger.AssertNoErrors();
    }

    [Fact]
    public async Task PublishMood_EachChange_PublishedOnceRetained()
    {
        using var broker = new MosquittoBroker(_certificates.CaFile, _certificates.Server);
        await using var subscriber = await TestSubscriber.ConnectAsync(broker.Port);
        await using var run = await PublisherRun.StartAsync(PublisherRun.TlsOptions(broker.Port, _certificates));

        run.Publisher.PublishMood(AudienceMood.Positive);
        Assert.True(await subscriber.WaitForAsync(m => Moods(m).Count == 1, Patience));
        run.Publisher.PublishMood(AudienceMood.Positive);
        run.Publisher.PublishMood(AudienceMood.Negative);
        Assert.True(await subscriber.WaitForAsync(m => Moods(m).Count == 2, Patience));
        await Task.Delay(300);

        Assert.Equal(["Positive", "Negative"], Moods(subscriber.Messages));
        foreach (var mood in subscriber.Messages.Where(x => x.Topic.EndsWith("/mood", StringComparison.Ordinal)))
        {
            MessageShapes.AssertMood(mood.Body);
        }

        await using var late = await TestSubscriber.ConnectAsync(broker.Port);
        Assert.True(await late.WaitForAsync(m => Moods(m).SequenceEqual(["Negative"]), Patience), "the retained mood is the latest");
    }

    [Fact]
    public async Task Publish_BrokerStoppedAndRestarted_EverySummaryOfTheOutageArrivesAfterwards()
    {
        using var broker = new MosquittoBroker(_certificates.CaFile, _certificates.Server, persistent: true);
        await using var subscriber = await TestSubscriber.ConnectAsync(broker.Port, persistentSession: true);
        await using var run = await PublisherRun.StartAsync(PublisherRun.TlsOptions(broker.Port, _certificates));
        PublisherRun.AddMinute(run.Writer, 0);
        PublisherRun.AddMinute(run.Writer, 1);
        Assert.True(await subscriber.WaitForAsync(m => Summaries(m).Count == 2, Patience));

        broker.Stop();
        for (var minute = 2; minute < 12; minute++)
        {
            PublisherRun.AddMinute(run.Writer, minute);
            await Task.Delay(30);
        }

        Assert.True(await Eventually.Within(Patience, () => run.Publisher.GetStatus().State != MqttConnectionState.Connected), "the publisher notices the outage");
        Assert.Equal(10, run.Publisher.GetStatus().OutboxDepth);
        Assert.NotNull(run.Publisher.GetStatus().LastError);
        Assert.True(await Eventually.Within(Patience, () => run.Logger.Count(LogEvents.MqttConnectFailed) >= 2), "reconnect attempts fail while the broker is down");
        Assert.Equal(1, run.Logger.Count(LogEvents.MqttConnectionLost));

        broker.Start();
        await subscriber.ReconnectAsync(broker.Port, persistentSession: true);
        Assert.True(await subscriber.WaitForAsync(m => DistinctMinutes(m).Count == 12, Patience), broker.Log);

        Assert.Equal(Enumerable.Range(0, 12).Select(i => new DateTime(2026, 1, 1, 20, i, 0, DateTimeKind.Utc)), DistinctMinutes(subscriber.Messages));
        // A duplicate is only ever a redelivery of the same message: same id, same minute.
        foreach (var group in Summaries(subscriber.Messages).GroupBy(s => s.GetProperty("id").GetGuid()))
        {
            Assert.Single(group.Select(s => s.GetProperty("summary").GetProperty("minuteStartUtc").GetDateTime()).Distinct());
        }

        Assert.Equal(12, Summaries(subscriber.Messages).Select(s => s.GetProperty("id").GetGuid()).Distinct().Count());
        Assert.True(await Eventually.Within(Patience, () => run.Outbox.PeekOldest(20).Count == 0));

        // The lost connection is one line, the first refused attempt after it one more (repeats at Debug), the return one more.
        var reconnected = Assert.Single(run.Logger.Collector.GetSnapshot(), e => e.Id.Id == LogEvents.MqttReconnected);
        Assert.Contains($"after {run.Logger.Count(LogEvents.MqttConnectFailed)} failed attempts", reconnected.Message, StringComparison.Ordinal);
        var attempts = run.Logger.Collector.GetSnapshot().Where(e => e.Id.Id == LogEvents.MqttConnectFailed).ToList();
        Assert.Equal([LogLevel.Warning, LogLevel.Debug], attempts.Take(2).Select(e => e.Level));
        run.Logger.AssertNoErrors();
    }

    [Fact]
    public async Task Publish_AgentRestartedWhileTheBrokerIsDown_SendsTheSummariesKeptInTheEncryptedStore()
    {
        using var bed = new StoreTestBed();
        using var broker = new MosquittoBroker(_certificates.CaFile, _certificates.Server, persistent: true);
        await using var subscriber = await TestSubscriber.ConnectAsync(broker.Port, persistentSession: true);
        var options = PublisherRun.TlsOptions(broker.Port, _certificates);
        await using (var first = await PublisherRun.StartAsync(options, bed.Open()))
        {
            PublisherRun.AddMinute(first.Writer, 0);
            Assert.True(await subscriber.WaitForAsync(m => Summaries(m).Count == 1, Patience));
            broker.Stop();
            for (var minute = 1; minute < 6; minute++)
            {
                PublisherRun.AddMinute(first.Writer, minute);
            }
        }

        await using var second = await PublisherRun.StartAsync(options, bed.Open());
        Assert.True(await Eventually.Within(Patience, () => second.Logger.Count(LogEvents.MqttConnectFailed) >= 1), "the restarted agent finds no broker");
        Assert.Equal(5, second.Publisher.GetStatus().OutboxDepth);

        broker.Start();
        await subscriber.ReconnectAsync(broker.Port, persistentSession: true);
        Assert.True(await subscriber.WaitForAsync(m => DistinctMinutes(m).Count == 6, Patience), broker.Log);

        Assert.Equal(Enumerable.Range(0, 6).Select(i => new DateTime(2026, 1, 1, 20, i, 0, DateTimeKind.Utc)), DistinctMinutes(subscriber.Messages));
        Assert.Equal(6, Summaries(subscriber.Messages).Select(s => s.GetProperty("id").GetGuid()).Distinct().Count());
        Assert.True(await Eventually.Within(Patience, () => second.Outbox.PeekOldest(10).Count == 0));
        second.Logger.AssertNoErrors();
        bed.Logger.AssertNoErrors();
    }

    [Theory]
    [InlineData("other CA", "is not issued by the CA in Mqtt:CaFile")]
    [InlineData("expired", "is expired or not yet valid")]
    [InlineData("wrong host", "is not issued for '127.0.0.1'")]
    public async Task Connect_UntrustedBrokerCertificate_RefusedWithTheReasonAndNothingSent(string kind, string reason)
    {
        var served = kind switch
        {
            "other CA" => _certificates.OtherCaServer,
            "expired" => _certificates.ExpiredServer,
            _ => _certificates.WrongHostServer,
        };
        using var broker = new MosquittoBroker(_certificates.CaFile, served);
        await using var subscriber = await TestSubscriber.ConnectAsync(broker.Port);
        await using var run = await PublisherRun.StartAsync(PublisherRun.TlsOptions(broker.Port, _certificates), store => PublisherRun.AddMinute(store, 0));

        Assert.True(await Eventually.Within(Patience, () => run.Logger.Count(LogEvents.MqttCertificateRefused) >= 2), "refused on every attempt");
        var refusal = run.Logger.Collector.GetSnapshot().First(e => e.Id.Id == LogEvents.MqttCertificateRefused);
        Assert.Equal(LogLevel.Error, refusal.Level);
        Assert.Contains(reason, refusal.Message, StringComparison.Ordinal);
        Assert.Empty(subscriber.Messages);
        Assert.Single(run.Outbox.PeekOldest(10));
        Assert.NotEqual(MqttConnectionState.Connected, run.Publisher.GetStatus().State);
        Assert.Contains(reason, run.Publisher.GetStatus().LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_BrokerRequiresClientCertificates_AcceptsTheDeviceWithItsCertificate()
    {
        using var broker = new MosquittoBroker(_certificates.CaFile, _certificates.Server, requireCertificate: true);
        await using var subscriber = await TestSubscriber.ConnectAsync(broker.Port, clientCertificate: _certificates);
        var options = PublisherRun.TlsOptions(broker.Port, _certificates);
        options.ClientCertificateFile = _certificates.Client.CertFile;
        options.ClientKeyFile = _certificates.Client.KeyFile;
        await using var run = await PublisherRun.StartAsync(options, store => PublisherRun.AddMinute(store, 0));

        Assert.True(await subscriber.WaitForAsync(m => Summaries(m).Count == 1, Patience), broker.Log);
        run.Logger.AssertNoErrors();
    }

    [Fact]
    public async Task Connect_BrokerRequiresClientCertificates_RefusesADeviceWithoutOne()
    {
        using var broker = new MosquittoBroker(_certificates.CaFile, _certificates.Server, requireCertificate: true);
        await using var subscriber = await TestSubscriber.ConnectAsync(broker.Port, clientCertificate: _certificates);
        await using var run = await PublisherRun.StartAsync(PublisherRun.TlsOptions(broker.Port, _certificates), store => PublisherRun.AddMinute(store, 0));

        Assert.True(await Eventually.Within(Patience, () => run.Logger.Count(LogEvents.MqttConnectFailed) >= 2));
        Assert.Empty(subscriber.Messages);
        Assert.Single(run.Outbox.PeekOldest(10));
    }

    [Fact]
    public async Task Connect_PlaintextBroker_RefusedUnlessAllowInsecureIsSet()
    {
        using var broker = new MosquittoBroker(null, null);
        await using var subscriber = await TestSubscriber.ConnectAsync(broker.Port, tls: false);

        await using (var secure = await PublisherRun.StartAsync(PublisherRun.TlsOptions(broker.Port, _certificates), store => PublisherRun.AddMinute(store, 0)))
        {
            Assert.True(await Eventually.Within(Patience, () => secure.Logger.Count(LogEvents.MqttConnectFailed) >= 2));
            Assert.Contains("TLS", secure.Logger.Collector.GetSnapshot().First(e => e.Id.Id == LogEvents.MqttConnectFailed).Message, StringComparison.Ordinal);
            Assert.Empty(subscriber.Messages);
        }

        var insecure = PublisherRun.TlsOptions(broker.Port, _certificates);
        insecure.AllowInsecure = true;
        await using var run = await PublisherRun.StartAsync(insecure, store => PublisherRun.AddMinute(store, 0));
        Assert.True(await subscriber.WaitForAsync(m => Summaries(m).Count == 1, Patience), broker.Log);
        Assert.Equal(1, run.Logger.Count(LogEvents.MqttInsecure));
    }

    private static List<JsonElement> Summaries(IReadOnlyList<(string Topic, JsonElement Body, bool Retained)> messages) =>
        messages.Where(m => m.Topic == $"edgesentiment/{PublisherRun.DeviceId}/summary").Select(m => m.Body).ToList();

    private static List<DateTime> DistinctMinutes(IReadOnlyList<(string Topic, JsonElement Body, bool Retained)> messages) =>
        Summaries(messages).Select(s => s.GetProperty("summary").GetProperty("minuteStartUtc").GetDateTime().ToUniversalTime()).Distinct().Order().ToList();

    private static List<string> States(IReadOnlyList<(string Topic, JsonElement Body, bool Retained)> messages) =>
        messages.Where(m => m.Topic.EndsWith("/status", StringComparison.Ordinal)).Select(m => m.Body.GetProperty("state").GetString()!).ToList();

    private static List<string> Moods(IReadOnlyList<(string Topic, JsonElement Body, bool Retained)> messages) =>
        messages.Where(m => m.Topic.EndsWith("/mood", StringComparison.Ordinal)).Select(m => m.Body.GetProperty("mood").GetString()!).ToList();
}
