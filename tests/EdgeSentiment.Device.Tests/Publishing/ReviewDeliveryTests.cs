using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using EdgeSentiment.Device.Booth;
using EdgeSentiment.Device.Booth.Age;
using EdgeSentiment.Device.Publishing;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Testing;
using Microsoft.Extensions.Logging.Testing;
using MQTTnet;
using MQTTnet.Protocol;

namespace EdgeSentiment.Device.Tests.Publishing;

public sealed class ReviewDeliveryTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly TestCertificates _certificates = new();
    private readonly TempFolder _folder = new();
    private readonly AgeIdentity _studio = AgeIdentity.Generate();

    public void Dispose()
    {
        _studio.Dispose();
        _folder.Dispose();
        _certificates.Dispose();
    }

    [Fact]
    public async Task Deliver_ReviewsInTheSpool_AudioThenDocumentNamedByUserPropertiesThenRemoved()
    {
        using var broker = new MosquittoBroker(_certificates.CaFile, _certificates.Server);
        var spool = new ReviewSpool(_folder.PathOf("spool"), 10_000_000, [_studio.Recipient]);
        spool.Prepare();
        var sealedFiles = new Dictionary<string, (byte[] Audio, byte[] Document)>();
        for (var i = 0; i < 2; i++)
        {
            using var review = spool.Begin(new DateTimeOffset(2026, 12, 4, 12, i, 0, TimeSpan.Zero), "booth-1", 16_000);
            review.Append(Signals.Sine(220 * (i + 1), 1.0));
            review.Complete([], null);
        }

        foreach (var id in spool.Waiting())
        {
            sealedFiles[id] = (File.ReadAllBytes(spool.AudioPath(id)), File.ReadAllBytes(spool.DocumentPath(id)));
        }

        var received = new ConcurrentQueue<(string Topic, byte[] Payload, string? ContentType, Dictionary<string, string> Properties)>();
        using var studio = new MqttClientFactory().CreateMqttClient();
        studio.ApplicationMessageReceivedAsync += e =>
        {
            var message = e.ApplicationMessage;
            var properties = (message.UserProperties ?? []).ToDictionary(p => p.Name, p => Encoding.UTF8.GetString(p.ValueBuffer.Span));
            received.Enqueue((message.Topic, message.Payload.ToArray(), message.ContentType, properties));
            return Task.CompletedTask;
        };
        await studio.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", broker.Port)
            .WithTlsOptions(o => o.UseTls(true).WithCertificateValidationHandler(_ => true))
            .Build());
        await studio.SubscribeAsync("edgesentiment/+/review", MqttQualityOfServiceLevel.AtLeastOnce);

        var options = PublisherRun.TlsOptions(broker.Port, _certificates);
        var logger = new FakeLogger();
        using var store = new InMemoryResultStore();
        using var publisher = new MqttPublisher(Microsoft.Extensions.Options.Options.Create(options), store, TimeProvider.System, logger, reviews: spool);
        await publisher.StartAsync(CancellationToken.None);
        try
        {
            Assert.True(await Eventually.Within(Patience, () => received.Count == 4), broker.Log);
            Assert.True(await Eventually.Within(Patience, () => spool.Waiting().Count == 0 && Directory.GetFiles(spool.Folder).Length == 0), "delivered reviews leave the spool");
        }
        finally
        {
            await publisher.StopAsync(CancellationToken.None);
        }

        var messages = received.ToList();
        Assert.All(messages, m => Assert.Equal($"edgesentiment/{PublisherRun.DeviceId}/review", m.Topic));
        Assert.All(messages, m => Assert.Equal("application/octet-stream", m.ContentType));
        Assert.All(messages, m => Assert.Equal(PublisherRun.DeviceId, m.Properties["device"]));
        foreach (var (id, files) in sealedFiles)
        {
            var parts = messages.Where(m => m.Properties["review"] == id).ToList();
            Assert.Equal(["audio", "document"], parts.Select(m => m.Properties["part"]));
            Assert.Equal(files.Audio, parts[0].Payload);
            Assert.Equal(files.Document, parts[1].Payload);
        }

        Assert.Equal(2, publisher.GetStatus().PublishedReviews);
        Assert.Equal(2, logger.Count(LogEvents.MqttReviewDelivered));
        logger.AssertNoErrors();
    }

    [Fact]
    public async Task Deliver_BrokerRefusesReviews_KeepsThemOffersLessOftenAndLogsOnce()
    {
        using var broker = new MosquittoBroker(_certificates.CaFile, _certificates.Server, acl: "topic deny edgesentiment/+/review\ntopic readwrite #\n");
        var spool = new ReviewSpool(_folder.PathOf("spool"), 10_000_000, [_studio.Recipient]);
        spool.Prepare();
        using (var review = spool.Begin(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero), "booth-1", 16_000))
        {
            review.Append(Signals.Sine(220, 1.0));
            review.Complete([], null);
        }

        var options = PublisherRun.TlsOptions(broker.Port, _certificates);
        options.OutboxPollMilliseconds = 100;
        var logger = new FakeLogger();
        using var store = new InMemoryResultStore();
        using var publisher = new MqttPublisher(Microsoft.Extensions.Options.Options.Create(options), store, TimeProvider.System, logger, reviews: spool);
        await publisher.StartAsync(CancellationToken.None);
        try
        {
            Assert.True(await Eventually.Within(Patience, () => Offers(broker) >= 2), broker.Log);
            await Task.Delay(TimeSpan.FromSeconds(2.5));
        }
        finally
        {
            await publisher.StopAsync(CancellationToken.None);
        }

        // Offered after 0.1, 0.2, 0.4, 0.8, 1.6 s... rather than every 0.1 s, and named in the log once.
        Assert.InRange(Offers(broker), 2, 8);
        Assert.Single(logger.Collector.GetSnapshot(), e => e.Id.Id == LogEvents.MqttReviewRefused);
        Assert.Single(spool.Waiting());
        Assert.Contains("broker refused a review", publisher.GetStatus().LastError, StringComparison.Ordinal);
    }

    private static int Offers(MosquittoBroker broker) =>
        broker.Log.Split('\n').Count(line => line.Contains("Denied PUBLISH", StringComparison.Ordinal) && line.Contains("/review", StringComparison.Ordinal));
}
