using EdgeSentiment.Cli.Booth;
using EdgeSentiment.Device.Booth;
using EdgeSentiment.Device.Control.Contract;

namespace EdgeSentiment.Cli.Tests.Booth;

public sealed class BoothTextTests
{
    [Fact]
    public void Write_DocumentsWaitingForWords_SaysHowManyAreNotYetWhole()
    {
        var text = Render(Reply(awaitingWords: 2));

        Assert.Contains("2 review(s) ended, their audio sealed, their document waiting for their words", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ReviewJustStoppedWaitsForWords_NamesItBeforeTheLastSealed()
    {
        var text = Render(Reply(awaitingWords: 1) with { AwaitingWordsIds = ["20261206T211500Z-foyer-1-77b0e1"] });

        var ended = text.IndexOf("Ended: 20261206T211500Z-foyer-1-77b0e1; its audio is sealed, its document waits for its words", StringComparison.Ordinal);
        Assert.True(ended >= 0, text);
        Assert.True(ended < text.IndexOf("Last sealed: 20261206T210000Z-foyer-1-3fa9c2", StringComparison.Ordinal), text);
    }

    [Fact]
    public void Write_NoReviewWaitingForWords_SaysNothingOfWords()
    {
        var text = Render(Reply(awaitingWords: 0));

        Assert.DoesNotContain("words", text, StringComparison.Ordinal);
        Assert.Contains("Last sealed: 20261206T210000Z-foyer-1-3fa9c2 (41.5 s).", text, StringComparison.Ordinal);
    }

    private static BoothReply Reply(int awaitingWords) => new(
        1, BoothState.Idle, null, 0, "20261206T210000Z-foyer-1-3fa9c2", 41.5, 1, 350_000, 512L * 1048576, "/var/lib/edgesentiment/reviews", [], awaitingWords);

    private static string Render(BoothReply reply)
    {
        using var output = new StringWriter();
        BoothText.Write(output, reply);
        return output.ToString();
    }
}
