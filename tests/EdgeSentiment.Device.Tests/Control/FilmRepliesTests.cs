using System.Text.Json;
using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Core.Mood;
using EdgeSentiment.Core.Summaries;
using EdgeSentiment.Device.Control.Contract;
using EdgeSentiment.Device.Pipeline;

namespace EdgeSentiment.Device.Tests.Control;

public sealed class FilmRepliesTests
{
    private static readonly SentimentScores Scores = new(0.1f, 0.2f, 0.7f);

    [Fact]
    public void MoodReply_FilmWindow_SaysFilmAndThatTheFilmSpoke()
    {
        var window = new WindowResult(TimeSpan.Zero, TimeSpan.FromSeconds(2), true, Scores, -20f, IsFilm: true, FilmSpeaks: true);

        var json = JsonSerializer.Serialize(MoodReply.From(new MoodUpdate(DateTimeOffset.UnixEpoch, AudienceMood.Film, false, window)), ControlJson.Options);

        using var reply = JsonDocument.Parse(json);
        Assert.Equal("film", reply.RootElement.GetProperty("mood").GetString());
        Assert.True(reply.RootElement.GetProperty("film").GetBoolean());
        Assert.True(reply.RootElement.GetProperty("filmSpeaks").GetBoolean());
        Assert.False(reply.RootElement.GetProperty("audienceOverFilm").GetBoolean());
        Assert.Equal(JsonValueKind.Null, reply.RootElement.GetProperty("label").ValueKind);
    }

    [Fact]
    public void MoodReply_AudienceSpeakingOverTheFilm_SaysAudienceOverFilm()
    {
        var window = new WindowResult(TimeSpan.Zero, TimeSpan.FromSeconds(2), true, Scores, -20f, FilmSpeaks: true);

        var reply = MoodReply.From(new MoodUpdate(DateTimeOffset.UnixEpoch, AudienceMood.Positive, false, window));

        Assert.Equal((false, true, true), (reply.Film, reply.FilmSpeaks, reply.AudienceOverFilm));
        Assert.Equal(SentimentLabel.Positive, reply.Label);
    }

    [Fact]
    public void MoodReply_FaultWithoutAWindow_HasNoFilmFields()
    {
        var reply = MoodReply.From(new MoodUpdate(DateTimeOffset.UnixEpoch, AudienceMood.NoSpeech, true, null));

        Assert.Null(reply.Film);
        Assert.Null(reply.FilmSpeaks);
        Assert.Null(reply.AudienceOverFilm);
    }

    [Fact]
    public void TallyRow_RoundTrip_KeepsTheFilmCountsAndRatios()
    {
        var tally = new SentimentTally(120, 40, 10, 20, 10, Scores, FilmWindowCount: 30, AudienceOverFilmCount: 12);

        var row = JsonSerializer.Deserialize<TallyRow>(JsonSerializer.Serialize(TallyRow.From(tally), ControlJson.Options), ControlJson.Options)!;

        Assert.Equal((30, 12), (row.FilmWindows, row.AudienceOverFilm));
        Assert.Equal((0.25, 0.1), (row.FilmRatio, row.AudienceOverFilmRatio));
        Assert.Equal(tally, row.ToTally());
    }

    [Fact]
    public void TallyRow_FromAnAgentWithoutFilmCounts_ReadsZero()
    {
        const string Older = """{"windows":120,"speechWindows":40,"negative":10,"neutral":20,"positive":10,"meanScores":{"negative":0.1,"neutral":0.2,"positive":0.7},"speechRatio":0.3333}""";

        var row = JsonSerializer.Deserialize<TallyRow>(Older, ControlJson.Options)!;

        Assert.Equal((0, 0, 0.0, 0.0), (row.FilmWindows, row.AudienceOverFilm, row.FilmRatio, row.AudienceOverFilmRatio));
    }
}
