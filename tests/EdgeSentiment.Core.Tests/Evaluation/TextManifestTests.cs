using EdgeSentiment.Core.Evaluation;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Core.Tests.Evaluation;

public sealed class TextManifestTests
{
    [Fact]
    public void Read_QuotedTextsWithCommasQuotesAndLineBreaks_ComeBackWhole()
    {
        using var folder = new TempFolder();
        var manifest = folder.Write("m.csv",
            "text,label\r\n\"Slow, but \"\"worth it\"\"\",positive\r\n\"two\nlines\",Neutral\nunquoted, with a comma,negative\n\n");

        var texts = TextManifest.Read(manifest);

        Assert.Equal(
            [
                new LabelledText("Slow, but \"worth it\"", SentimentLabel.Positive),
                new LabelledText("two\nlines", SentimentLabel.Neutral),
                new LabelledText("unquoted, with a comma", SentimentLabel.Negative),
            ],
            texts);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("\n\n", "the file is empty")]
    [InlineData("path,label\nsome text,negative\n", ":1: the header must be 'text,label'")]
    [InlineData("some text,negative\n", ":1: the header must be 'text,label'")]
    [InlineData("text,label\nfine,positive\nawful,bad\n", ":3: label 'bad' is not one of negative, neutral, positive")]
    [InlineData("text,label\nno label here\n", ":2: expected 'text,label'")]
    [InlineData("text,label\n\"never closed,positive\n", ":2: a quoted text is not closed")]
    public void Read_Malformed_SaysWhereAndWhat(string content, string message)
    {
        using var folder = new TempFolder();
        var manifest = folder.Write("m.csv", content);

        var e = Assert.Throws<FormatException>(() => TextManifest.Read(manifest));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingFile_SaysSo()
    {
        var e = Assert.Throws<FormatException>(() => TextManifest.Read("/nonexistent/reviews.csv"));

        Assert.Contains("manifest not found", e.Message, StringComparison.Ordinal);
    }
}
