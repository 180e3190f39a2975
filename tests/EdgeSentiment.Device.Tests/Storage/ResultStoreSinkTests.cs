using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Mood;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Device.Storage.Outbox;

namespace EdgeSentiment.Device.Tests.Storage;

public sealed class ResultStoreSinkTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 18, 0, 50, TimeSpan.Zero);
    private readonly InMemoryResultStore _store = new();
    private readonly SteppedClock _clock = new(Start);
    private readonly ResultStoreSink _sink;

    public ResultStoreSinkTests() => _sink = new ResultStoreSink(_store, _clock);

    public void Dispose() => _store.Dispose();

    [Fact]
    public async Task WriteAsync_PinsWindowsToTheWallClock_AndCommitsEachFinishedMinute()
    {
        for (var i = 0; i < 10; i++)
        {
            await _sink.WriteAsync(Window(i * 2), AudienceMood.Positive, CancellationToken.None);
            _clock.Now += TimeSpan.FromSeconds(2.3);
        }

        Assert.Equal(10, _store.Windows.Count);
        Assert.Equal(Start.UtcDateTime.AddSeconds(-2), _store.Windows[0].TimeUtc);
        Assert.Equal(Start.UtcDateTime.AddSeconds(16), _store.Windows[9].TimeUtc);
        var minute = Assert.Single(_store.Minutes);
        Assert.Equal(new DateTime(2026, 11, 20, 18, 0, 0, DateTimeKind.Utc), minute.Value.MinuteStartUtc);
        Assert.Equal(6, minute.Value.Tally.WindowCount);
        Assert.Single(_store.PeekOldest(10));

        _sink.Complete();
        Assert.Equal(2, _store.Minutes.Count);
    }

    [Fact]
    public async Task WriteAsync_WhenTheSourceRestarts_PinsAgain()
    {
        await _sink.WriteAsync(Window(100), AudienceMood.Neutral, CancellationToken.None);
        _clock.Now += TimeSpan.FromMinutes(5);

        await _sink.WriteAsync(Window(0), AudienceMood.Neutral, CancellationToken.None);

        Assert.Equal((Start + TimeSpan.FromMinutes(5)).UtcDateTime.AddSeconds(-2), _store.Windows[1].TimeUtc);
    }

    [Fact]
    public async Task Session_AddsUpTheWindowsSeenWhileItRan()
    {
        await _sink.WriteAsync(Window(0), AudienceMood.Positive, CancellationToken.None);
        var id = _sink.StartSession("Matinee");
        await _sink.WriteAsync(Window(2), AudienceMood.Positive, CancellationToken.None);
        await _sink.WriteAsync(Window(4, speech: false), AudienceMood.NoSpeech, CancellationToken.None);
        _clock.Now += TimeSpan.FromHours(1);
        _sink.EndSession();

        var session = Assert.Single(_store.Sessions);
        Assert.Equal(id, session.Id);
        Assert.Equal("Matinee", session.Value.Title);
        Assert.Equal(Start.UtcDateTime.AddHours(1), session.Value.EndUtc);
        Assert.Equal(2, session.Value.Aggregate.WindowCount);
        Assert.Equal(1, session.Value.Aggregate.PositiveCount);
        Assert.Equal(AudienceMood.NoSpeech, session.Value.DominantMood);
        var queued = Assert.Single(_store.PeekOldest(10), e => e.Kind == OutboxKind.Session);
        using var body = System.Text.Json.JsonDocument.Parse(queued.Payload);
        Assert.Equal(id, body.RootElement.GetProperty("sessionId").GetGuid());
        Assert.Equal("NoSpeech", body.RootElement.GetProperty("dominantMood").GetString());
    }

    [Fact]
    public async Task EndSession_TakesTheMoodShownInMostOfItsWindows()
    {
        _sink.StartSession(null);
        await _sink.WriteAsync(Window(0), AudienceMood.Negative, CancellationToken.None);
        await _sink.WriteAsync(Window(2), AudienceMood.Positive, CancellationToken.None);
        await _sink.WriteAsync(Window(4), AudienceMood.Positive, CancellationToken.None);
        await _sink.WriteAsync(Window(6), AudienceMood.Neutral, CancellationToken.None);
        _sink.EndSession();

        Assert.Equal(AudienceMood.Positive, Assert.Single(_store.Sessions).Value.DominantMood);
    }

    [Fact]
    public async Task WriteAsync_WhenTheStoreFails_KeepsGoingWithoutThrowing()
    {
        _store.FailWrites = true;

        for (var i = 0; i < 40; i++)
        {
            await _sink.WriteAsync(Window(i * 2), AudienceMood.Positive, CancellationToken.None);
        }

        Assert.True(_store.GetStatus().FailedWrites >= 40);
        _store.FailWrites = false;
        await _sink.WriteAsync(Window(80), AudienceMood.Positive, CancellationToken.None);
        Assert.Single(_store.Windows);
    }

    private static WindowResult Window(double startSeconds, bool speech = true) =>
        new(TimeSpan.FromSeconds(startSeconds), TimeSpan.FromSeconds(startSeconds + 2), speech, new SentimentScores(0.1f, 0.2f, 0.7f), -20f);

    private sealed class SteppedClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
