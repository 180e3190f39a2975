using EdgeSentiment.Core.Evaluation;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Core.Tests.Evaluation;

public sealed class RavdessCorpusTests
{
    [Theory]
    [InlineData("03-01-01-01-01-01-21.wav", SentimentLabel.Neutral, 21)]
    [InlineData("03-01-02-02-01-01-01.wav", SentimentLabel.Neutral, 1)]
    [InlineData("03-01-03-01-02-02-24.wav", SentimentLabel.Positive, 24)]
    [InlineData("03-01-08-01-01-01-10.wav", SentimentLabel.Positive, 10)]
    [InlineData("03-01-04-01-01-01-19.wav", SentimentLabel.Negative, 19)]
    [InlineData("03-01-05-01-01-01-02.wav", SentimentLabel.Negative, 2)]
    [InlineData("03-01-06-01-01-01-03.wav", SentimentLabel.Negative, 3)]
    [InlineData("03-01-07-01-01-01-04.wav", SentimentLabel.Negative, 4)]
    public void TryParse_MapsEmotionToSentiment(string name, SentimentLabel label, int actor)
    {
        Assert.True(RavdessCorpus.TryParse(name, out var parsedLabel, out var parsedActor));
        Assert.Equal(label, parsedLabel);
        Assert.Equal(actor, parsedActor);
    }

    [Theory]
    [InlineData("03-02-01-01-01-01-21.wav")] // song, not speech
    [InlineData("03-01-09-01-01-01-21.wav")] // no such emotion
    [InlineData("readme.wav")]
    public void TryParse_RejectsOtherFiles(string name) =>
        Assert.False(RavdessCorpus.TryParse(name, out _, out _));

    [Fact]
    public void ParseActors_ReadsRangesAndLists()
    {
        Assert.Equal([21, 22, 23, 24], RavdessCorpus.ParseActors("21-24").Order());
        Assert.Equal([1, 19, 20], RavdessCorpus.ParseActors("19,20,1").Order());
    }

    [Theory]
    [InlineData("")]
    [InlineData("24-21")]
    [InlineData("x")]
    public void ParseActors_BadText_SaysWhatIsWrong(string text)
    {
        var e = Assert.Throws<FormatException>(() => RavdessCorpus.ParseActors(text));
        Assert.Contains("actors", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void List_FiltersByActor()
    {
        using var folder = new TempFolder();
        folder.Touch("Actor_21/03-01-05-01-01-01-21.wav");
        folder.Touch("Actor_02/03-01-03-01-01-01-02.wav");
        folder.Touch("Actor_02/notes.wav");

        var clips = RavdessCorpus.List(folder.Path, RavdessCorpus.ParseActors("21-24"));

        var clip = Assert.Single(clips);
        Assert.Equal(SentimentLabel.Negative, clip.Label);
    }

    [Fact]
    public void List_MissingFolder_SaysWhatToPass()
    {
        var e = Assert.Throws<DirectoryNotFoundException>(() => RavdessCorpus.List("/nonexistent/ravdess"));
        Assert.Contains("Actor_01", e.Message, StringComparison.Ordinal);
    }
}
