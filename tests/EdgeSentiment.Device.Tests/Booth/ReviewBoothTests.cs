using System.Text.Json;
using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Device.Booth;
using EdgeSentiment.Device.Sealing;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Device.Tests.Booth;

public sealed class ReviewBoothTests : IDisposable
{
    private const int Rate = 16_000;

    private readonly TempFolder _folder = new();
    private readonly AgeIdentity _studio = AgeIdentity.Generate();
    private readonly ListLogger _logger = new();

    public void Dispose()
    {
        _studio.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void Audio_before_the_press_is_not_recorded()
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
    public void A_second_press_seals_the_review()
    {
        using var booth = NewBooth(out var spool);
        booth.Press();
        Feed(booth, seconds: 1, from: 0);

        Assert.Equal(BoothState.Idle, booth.Press());
        Assert.Single(spool.Waiting());
    }

    [Fact]
    public void Silence_ends_the_review_after_the_end_of_speech_time()
    {
        using var booth = NewBooth(out var spool);
        booth.Press();
        Feed(booth, seconds: 5, from: 0);

        Assert.Equal(BoothState.Idle, booth.State);
        var id = Assert.Single(spool.Waiting());
        Assert.Equal(2.0, Document(spool, id).GetProperty("durationSeconds").GetDouble(), precision: 1);
    }

    [Fact]
    public void Speech_keeps_the_review_open_until_the_time_limit()
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
        Assert.Equal(1, _logger.Entries.Count(entry => entry.Message.Contains("(TimeLimit)", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_full_spool_refuses_the_review_and_keeps_the_old_ones()
    {
        using var booth = NewBooth(out var spool, limitBytes: 1000);
        booth.Press();
        Feed(booth, seconds: 1, from: 0);
        booth.Press();

        Assert.Equal(BoothState.SpoolFull, booth.Press());
        Feed(booth, seconds: 1, from: 1);

        Assert.Single(spool.Waiting());
        Assert.Equal(1, _logger.Count(8003));
    }

    [Fact]
    public void The_debouncer_counts_a_bouncing_press_once()
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
        return JsonDocument.Parse(open).RootElement.Clone();
    }
}
