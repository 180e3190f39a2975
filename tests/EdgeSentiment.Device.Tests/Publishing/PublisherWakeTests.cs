using System.Text.Json;
using EdgeSentiment.Core.Mood;
using EdgeSentiment.Device.Pipeline;
using EdgeSentiment.Device.Publishing;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Device.Tests.Fakes;
using EdgeSentiment.Testing;
using Microsoft.Extensions.Time.Testing;

namespace EdgeSentiment.Device.Tests.Publishing;

public sealed class PublisherWakeTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly TestCertificates _certificates = new();

    public void Dispose() => _certificates.Dispose();

    [Fact]
    public async Task Wake_WindowsThatChangeOnlyTheMood_LeaveTheOutboxUnreadAndANewSummaryGoesOutAtOnce()
    {
        using var broker = new MosquittoBroker(_certificates.CaFile, _certificates.Server);
        await using var subscriber = await TestSubscriber.ConnectAsync(broker.Port);
        var store = new InMemoryResultStore();
        var outbox = new CountingOutbox(store);

        // The publisher's clock never moves, and a refused message would wait ten minutes: whatever it
        // sends here, it sends because something woke it, not because a timer ran out.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = PublisherRun.TlsOptions(broker.Port, _certificates);
        options.OutboxPollMilliseconds = 600_000;
        await using var run = await PublisherRun.StartAsync(options, store, outbox, store, clock);
        Assert.True(await subscriber.WaitForAsync(m => Topic(m, "status").Count == 1, Patience), broker.Log);

        // 100 windows, two a second on a device; the mood changes every fifth one, the outbox never.
        var sink = new MqttMoodSink(run.Publisher);
        var changes = 0;
        for (var window = 0; window < 100; window++)
        {
            var mood = window / 5 % 2 == 0 ? AudienceMood.Positive : AudienceMood.Negative;
            var update = new MoodUpdate(clock.GetUtcNow(), mood, CaptureFault: false, StoreTestBed.Window(0.1f, 0.2f, 0.7f));
            await sink.HandleAsync(update, CancellationToken.None);
            if (window % 5 == 0)
            {
                changes++;
                Assert.True(await subscriber.WaitForAsync(m => Topic(m, "mood").Count == changes, Patience), $"mood change {changes} was not published");
            }
        }

        // Read once, when the connection came up, for what had waited; the mood changes did not read it.
        Assert.Equal(20, changes);
        Assert.InRange(outbox.Peeks, 1, 2);

        PublisherRun.AddMinute(store, 0);

        Assert.True(await subscriber.WaitForAsync(m => Topic(m, "summary").Count == 1, Patience), "a queued summary must wake the publisher");
        Assert.True(await Eventually.Within(Patience, () => outbox.Count() == 0), "the summary must leave the outbox once the broker has it");
        Assert.InRange(outbox.Peeks, 2, 3);
        run.Logger.AssertNoErrors();
    }

    private static List<JsonElement> Topic(IReadOnlyList<(string Topic, JsonElement Body, bool Retained)> messages, string subtopic) =>
        messages.Where(m => m.Topic == $"edgesentiment/{PublisherRun.DeviceId}/{subtopic}").Select(m => m.Body).ToList();
}
