using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Mood;
using EdgeSentiment.Core.Summaries;

namespace EdgeSentiment.Core.Tests.Summaries;

public sealed class MinuteAggregatorTests
{
    private static readonly DateTime Minute = new(2026, 11, 20, 18, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void Add_WithinOneMinute_ReturnsNothing_FlushSumsItUp()
    {
        var aggregator = new MinuteAggregator();

        Assert.Null(aggregator.Add(Minute.AddSeconds(1), Speech(0.7f, 0.2f, 0.1f), AudienceMood.Negative));
        Assert.Null(aggregator.Add(Minute.AddSeconds(3), Speech(0.1f, 0.2f, 0.7f), AudienceMood.Negative));
        Assert.Null(aggregator.Add(Minute.AddSeconds(5), Silence(), AudienceMood.NoSpeech));
        Assert.Null(aggregator.Add(Minute.AddSeconds(59.9), Speech(0.1f, 0.6f, 0.3f), AudienceMood.Neutral));
        var summary = aggregator.Flush()!;

        Assert.Equal(Minute, summary.MinuteStartUtc);
        Assert.Equal(DateTimeKind.Utc, summary.MinuteStartUtc.Kind);
        Assert.Equal(4, summary.Tally.WindowCount);
        Assert.Equal(3, summary.Tally.SpeechWindowCount);
        Assert.Equal((1, 1, 1), (summary.Tally.NegativeCount, summary.Tally.NeutralCount, summary.Tally.PositiveCount));
        Assert.Equal(0.3f, summary.Tally.MeanScores.Negative, 5);
        Assert.Equal(0.3333333f, summary.Tally.MeanScores.Neutral, 5);
        Assert.Equal(0.3666667f, summary.Tally.MeanScores.Positive, 5);
        Assert.Equal(0.75, summary.Tally.SpeechRatio, 6);
        Assert.Equal(AudienceMood.Negative, summary.DominantMood);
        Assert.Null(aggregator.Flush());
    }

    [Fact]
    public void Add_InTheNextMinute_HandsBackThePreviousOne_AndStartsAfresh()
    {
        var aggregator = new MinuteAggregator();
        aggregator.Add(Minute.AddSeconds(58), Speech(0.8f, 0.1f, 0.1f), AudienceMood.Negative);

        var finished = aggregator.Add(Minute.AddSeconds(60), Speech(0.1f, 0.1f, 0.8f), AudienceMood.Positive);

        Assert.Equal(Minute, finished!.MinuteStartUtc);
        Assert.Equal(1, finished.Tally.NegativeCount);
        var next = aggregator.Flush()!;
        Assert.Equal(Minute.AddMinutes(1), next.MinuteStartUtc);
        Assert.Equal((0, 1), (next.Tally.NegativeCount, next.Tally.PositiveCount));
        Assert.Equal(AudienceMood.Positive, next.DominantMood);
    }

    [Fact]
    public void Add_AfterTheClockStepsBack_ClosesTheMinuteItWasIn()
    {
        var aggregator = new MinuteAggregator();
        aggregator.Add(Minute.AddSeconds(10), Speech(0.8f, 0.1f, 0.1f), AudienceMood.Negative);

        var finished = aggregator.Add(Minute.AddMinutes(-3), Speech(0.8f, 0.1f, 0.1f), AudienceMood.Negative);

        Assert.Equal(Minute, finished!.MinuteStartUtc);
        Assert.Equal(Minute.AddMinutes(-3), aggregator.Flush()!.MinuteStartUtc);
    }

    [Fact]
    public void DominantMood_OnATie_IsTheOneShownMoreRecently()
    {
        var aggregator = new MinuteAggregator();
        aggregator.Add(Minute.AddSeconds(0), Speech(0.1f, 0.1f, 0.8f), AudienceMood.Positive);
        aggregator.Add(Minute.AddSeconds(2), Speech(0.8f, 0.1f, 0.1f), AudienceMood.Negative);
        aggregator.Add(Minute.AddSeconds(4), Speech(0.1f, 0.1f, 0.8f), AudienceMood.Positive);
        aggregator.Add(Minute.AddSeconds(6), Speech(0.8f, 0.1f, 0.1f), AudienceMood.Negative);

        Assert.Equal(AudienceMood.Negative, aggregator.Flush()!.DominantMood);
    }

    [Fact]
    public void DominantMood_FilmShownMost_IsFilm()
    {
        var aggregator = new MinuteAggregator();
        aggregator.Add(Minute.AddSeconds(0), Speech(0.1f, 0.1f, 0.8f), AudienceMood.Positive);
        aggregator.Add(Minute.AddSeconds(2), Silence(), AudienceMood.Film);
        aggregator.Add(Minute.AddSeconds(4), Silence(), AudienceMood.Film);
        aggregator.Add(Minute.AddSeconds(6), Silence(), AudienceMood.NoSpeech);

        Assert.Equal(AudienceMood.Film, aggregator.Flush()!.DominantMood);
    }

    [Fact]
    public void OnlySilence_HasZeroMeansAndNoSpeechMood()
    {
        var aggregator = new MinuteAggregator();
        aggregator.Add(Minute, Silence(), AudienceMood.NoSpeech);

        var summary = aggregator.Flush()!;

        Assert.Equal(default, summary.Tally.MeanScores);
        Assert.Equal(0, summary.Tally.SpeechRatio);
        Assert.Equal(AudienceMood.NoSpeech, summary.DominantMood);
    }

    [Fact]
    public void TallyBuilder_AddingTallies_WeightsMeansBySpeechWindows()
    {
        var builder = new TallyBuilder();
        builder.Add(new SentimentTally(10, 1, 1, 0, 0, new SentimentScores(1f, 0f, 0f)));
        builder.Add(new SentimentTally(10, 3, 0, 0, 3, new SentimentScores(0f, 0f, 1f)));

        var total = builder.ToTally();

        Assert.Equal(20, total.WindowCount);
        Assert.Equal(4, total.SpeechWindowCount);
        Assert.Equal(0.25f, total.MeanScores.Negative, 6);
        Assert.Equal(0.75f, total.MeanScores.Positive, 6);
        Assert.Equal(0.2, total.SpeechRatio, 6);
    }

    [Fact]
    public void FilmWindows_AreCountedApart_AndCarryNoLabel()
    {
        var aggregator = new MinuteAggregator();
        var film = Speech(0.8f, 0.1f, 0.1f) with { IsFilm = true, FilmSpeaks = true };
        var overFilm = Speech(0.1f, 0.1f, 0.8f) with { FilmSpeaks = true };
        aggregator.Add(Minute.AddSeconds(0), film, AudienceMood.NoSpeech);
        aggregator.Add(Minute.AddSeconds(1), film, AudienceMood.NoSpeech);
        aggregator.Add(Minute.AddSeconds(2), overFilm, AudienceMood.Positive);
        aggregator.Add(Minute.AddSeconds(3), Speech(0.1f, 0.1f, 0.8f), AudienceMood.Positive);
        aggregator.Add(Minute.AddSeconds(4), Silence() with { FilmSpeaks = true }, AudienceMood.Positive);

        var tally = aggregator.Flush()!.Tally;

        Assert.Equal(5, tally.WindowCount);
        Assert.Equal(2, tally.SpeechWindowCount);
        Assert.Equal(0, tally.NegativeCount);
        Assert.Equal(2, tally.FilmWindowCount);
        Assert.Equal(1, tally.AudienceOverFilmCount);
        Assert.Equal(0.4, tally.FilmRatio, 6);
        Assert.Equal(0.2, tally.AudienceOverFilmRatio, 6);
    }

    [Fact]
    public void TallyBuilder_AddingTallies_AddsFilmCounts()
    {
        var builder = new TallyBuilder();
        builder.Add(new SentimentTally(10, 1, 1, 0, 0, default, FilmWindowCount: 4, AudienceOverFilmCount: 1));
        builder.Add(new SentimentTally(10, 3, 0, 0, 3, default, FilmWindowCount: 2, AudienceOverFilmCount: 2));

        var total = builder.ToTally();

        Assert.Equal(6, total.FilmWindowCount);
        Assert.Equal(3, total.AudienceOverFilmCount);
        Assert.Equal(0.15, total.AudienceOverFilmRatio, 6);
    }

    private static WindowResult Speech(float negative, float neutral, float positive) =>
        new(TimeSpan.Zero, TimeSpan.FromSeconds(2), true, new SentimentScores(negative, neutral, positive), -20f);

    private static WindowResult Silence() =>
        new(TimeSpan.Zero, TimeSpan.FromSeconds(2), false, new SentimentScores(0.9f, 0.05f, 0.05f), -60f);
}
