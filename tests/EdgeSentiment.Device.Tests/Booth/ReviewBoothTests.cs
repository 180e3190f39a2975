using System.Text.Json;
using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Device.Booth;
using EdgeSentiment.Device.Booth.Age;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Device.Tests.Publishing;
using EdgeSentiment.Testing;
using Microsoft.Extensions.Logging.Testing;

namespace EdgeSentiment.Device.Tests.Booth;

public sealed class ReviewBoothTests : IDisposable
{
    private const int Rate = 16_000;

    private readonly TempFolder _folder = new();
    private readonly AgeIdentity _studio = AgeIdentity.Generate();
    private readonly FakeLogger _logger = new();

    public void Dispose()
    {
        _studio.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void OnAudio_BeforeThePress_NotRecorded()
    {
        using var booth = NewBooth(out var spool);
        Feed(booth, seconds: 3, from: 0);

        Assert.Equal(BoothState.Recording, booth.Press());
        Feed(booth, seconds: 1, from: 3);
        var document = booth.Stop(BoothStopReason.Stopped);

        Assert.NotNull(document);
        Assert.Equal(1.0, document.DurationSeconds, precision: 1);
        Assert.Single(spool.Waiting());
        _logger.AssertNoErrors();
    }

    [Fact]
    public void Press_Second_SealsTheReview()
    {
        using var booth = NewBooth(out var spool);
        booth.Press();
        Feed(booth, seconds: 1, from: 0);

        Assert.Equal(BoothState.Idle, booth.Press());
        Assert.Single(spool.Waiting());
    }

    [Fact]
    public void OnWindow_SilenceForEndOfSpeechTime_EndsTheReview()
    {
        using var booth = NewBooth(out var spool);
        booth.Press();
        for (var second = 0; second < 5 && booth.State == BoothState.Recording; second++)
        {
            Feed(booth, seconds: 1, from: second);
            booth.OnWindow(new WindowResult(TimeSpan.FromSeconds(second), TimeSpan.FromSeconds(second + 1), false, new SentimentScores(0.2f, 0.6f, 0.2f), -60));
        }

        Assert.Equal(BoothState.Idle, booth.State);
        var id = Assert.Single(spool.Waiting());

        // Two silent windows (EndOfSpeechSeconds), then the first chunk of audio after them ends it.
        Assert.Equal(2.1, Document(spool, id).GetProperty("durationSeconds").GetDouble(), precision: 1);
    }

    [Fact]
    public void OnAudio_NoWindowScoredYet_KeepsRecording()
    {
        // The windows come a window's length and more behind the audio: audio alone is not silence.
        using var booth = NewBooth(out var spool);
        booth.Press();
        Feed(booth, seconds: 5, from: 0);

        Assert.Equal(BoothState.Recording, booth.State);
        Assert.Empty(spool.Waiting());
    }

    [Fact]
    public void OnWindow_ContinuousSpeech_OpenUntilTheTimeLimit()
    {
        using var booth = NewBooth(out var spool);
        booth.Press();
        for (var second = 0; second < 12; second++)
        {
            Feed(booth, seconds: 1, from: second);
            booth.OnWindow(new WindowResult(TimeSpan.FromSeconds(second), TimeSpan.FromSeconds(second + 1), true, new SentimentScores(0.1f, 0.2f, 0.7f), -20));
        }

        var document = Document(spool, Assert.Single(spool.Waiting()));
        Assert.Equal(10.0, document.GetProperty("durationSeconds").GetDouble(), precision: 1);
        Assert.Equal("positive", document.GetProperty("overall").GetProperty("label").GetString());

        // Without transcription the document is what it always was: no words part at all.
        Assert.False(document.TryGetProperty("words", out _));
        Assert.Equal(1, _logger.Collector.GetSnapshot().Count(entry => entry.Message.Contains("(TimeLimit)", StringComparison.Ordinal)));
    }

    [Fact]
    public void Press_SpoolFull_RefusesAndKeepsOldReviews()
    {
        using var booth = NewBooth(out var spool, limitBytes: 1000);
        booth.Press();
        Feed(booth, seconds: 1, from: 0);
        booth.Press();

        Assert.Equal(BoothState.SpoolFull, booth.Press());
        Feed(booth, seconds: 1, from: 1);

        Assert.Single(spool.Waiting());
        Assert.Equal(1, _logger.Count(LogEvents.BoothSpoolFull));
    }

    [Fact]
    public void StateChanged_StartStopAndRefusal_TellsTheLedsEachChange()
    {
        using var booth = NewBooth(out _);
        var states = new List<BoothState>();
        booth.StateChanged += states.Add;
        booth.Start("booth start");
        Feed(booth, seconds: 1, from: 0);
        booth.Stop(BoothStopReason.Stopped);

        using var full = NewBooth(out _, limitBytes: 1);
        full.StateChanged += states.Add;
        full.Press();

        Assert.Equal([BoothState.Recording, BoothState.Idle, BoothState.SpoolFull], states);
        Assert.NotNull(booth.Last);
    }

    [Fact]
    public void Store_SealDeliverAndRefuse_ListsEachWithoutContent()
    {
        using var store = new InMemoryResultStore();
        var options = new BoothOptions { Enabled = true, EndOfSpeechSeconds = 2, MaxReviewSeconds = 10 };
        options.Recipients.Add(_studio.Recipient.ToString());
        var spool = new ReviewSpool(_folder.PathOf("listed"), 10_000_000, [_studio.Recipient]);
        using var booth = new ReviewBooth(spool, options, "foyer-1", Rate, TimeProvider.System, _logger, store);
        booth.Press();
        Feed(booth, seconds: 1, from: 0);
        booth.Press();
        spool.Remove(Assert.Single(spool.Waiting()));

        var events = store.ReadEvents(DateTime.MinValue, DateTime.MaxValue).Select(e => e.Value).ToList();
        Assert.Equal([DeviceEventKind.ReviewSealed, DeviceEventKind.ReviewDelivered], events.Select(e => e.Kind));
        Assert.Contains("1.0 s", events[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Debouncer_BouncingPress_CountsOnce()
    {
        var debouncer = new ButtonDebouncer(TimeSpan.FromMilliseconds(30));
        var presses = 0;
        var levels = new[] { true, false, true, false, true, true, true, true, true, true, true, true, false, true, true, true, true, true, true, true, true };
        for (var i = 0; i < levels.Length; i++)
        {
            presses += debouncer.Observe(levels[i], TimeSpan.FromMilliseconds(i * 5)) ? 1 : 0;
        }

        Assert.Equal(1, presses);
    }

    private ReviewBooth NewBooth(out ReviewSpool spool, long limitBytes = 10_000_000)
    {
        var options = new BoothOptions { Enabled = true, EndOfSpeechSeconds = 2, MaxReviewSeconds = 10 };
        options.Recipients.Add(_studio.Recipient.ToString());
        spool = new ReviewSpool(_folder.PathOf("reviews"), limitBytes, [_studio.Recipient]);
        return new ReviewBooth(spool, options, "foyer-1", Rate, TimeProvider.System, _logger);
    }

    private static void Feed(ReviewBooth booth, double seconds, double from)
    {
        var audio = Signals.Sine(220, seconds);
        for (var at = 0; at < audio.Length; at += 1600)
        {
            booth.OnAudio(audio.AsSpan(at, Math.Min(1600, audio.Length - at)), TimeSpan.FromSeconds(from + ((double)at / Rate)));
        }
    }

    private JsonElement Document(ReviewSpool spool, string id)
    {
        using var open = AgeOpenStream.Open(File.OpenRead(spool.DocumentPath(id)), [_studio]);
        var document = JsonDocument.Parse(open).RootElement.Clone();

        // Every document the booth seals has the shape docs/mqtt/review-document.schema.json gives the studio.
        MessageShapes.AssertReviewDocument(document);
        return document;
    }
}
