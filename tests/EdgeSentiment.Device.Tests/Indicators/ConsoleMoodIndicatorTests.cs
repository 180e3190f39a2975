using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Mood;
using EdgeSentiment.Device.Indicators;
using EdgeSentiment.Device.Pipeline;

namespace EdgeSentiment.Device.Tests.Indicators;

public sealed class ConsoleMoodIndicatorTests
{
    [Fact]
    public void Show_PrintsOnlyChangesWithLabelAndLevel()
    {
        using var output = new StringWriter();
        using var indicator = new ConsoleMoodIndicator(output);
        var window = new WindowResult(TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(3.5), true, new SentimentScores(0.1f, 0.2f, 0.7f), -23.4f);

        indicator.Show(new MoodUpdate(DateTimeOffset.UnixEpoch, AudienceMood.Positive, false, window));
        indicator.Show(new MoodUpdate(DateTimeOffset.UnixEpoch, AudienceMood.Positive, false, window));
        indicator.Show(new MoodUpdate(DateTimeOffset.UnixEpoch, AudienceMood.Positive, true, null));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("POSITIVE", lines[0], StringComparison.Ordinal);
        Assert.Contains("positive", lines[0], StringComparison.Ordinal);
        Assert.Contains("-23.4 dBFS", lines[0], StringComparison.Ordinal);
        Assert.Contains("FAULT", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Show_Film_PrintsFilmWithoutALabel()
    {
        using var output = new StringWriter();
        using var indicator = new ConsoleMoodIndicator(output);
        var window = new WindowResult(TimeSpan.Zero, TimeSpan.FromSeconds(2), true, new SentimentScores(0.1f, 0.2f, 0.7f), -20f, IsFilm: true, FilmSpeaks: true);

        indicator.Show(new MoodUpdate(DateTimeOffset.UnixEpoch, AudienceMood.Film, false, window));

        Assert.Contains("FILM", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("label -", output.ToString(), StringComparison.Ordinal);
    }
}
