using EdgeSentiment.Core.Evaluation;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Core.Tests.Evaluation;

public sealed class ClipManifestTests
{
    [Fact]
    public void Read_ResolvesRelativePathsAgainstTheManifestFolder()
    {
        using var folder = new TempFolder();
        var manifest = folder.Write("set/manifest.csv", "path,label\nclips/a.wav,negative\n/abs/b.wav,Positive\n\n");

        var clips = ClipManifest.Read(manifest);

        Assert.Equal(2, clips.Count);
        Assert.Equal(Path.Combine(folder.Path, "set", "clips", "a.wav"), clips[0].Path);
        Assert.Equal(SentimentLabel.Negative, clips[0].Label);
        Assert.Equal("/abs/b.wav", clips[1].Path);
        Assert.Equal(SentimentLabel.Positive, clips[1].Label);
    }

    [Theory]
    [InlineData("file,sentiment\na.wav,negative\n", ":1:")]
    [InlineData("path,label\na.wav,happy\n", ":2:")]
    [InlineData("path,label\na.wav\n", ":2:")]
    public void Read_Malformed_NamesTheLine(string text, string where)
    {
        using var folder = new TempFolder();
        var manifest = folder.Write("m.csv", text);

        var e = Assert.Throws<FormatException>(() => ClipManifest.Read(manifest));

        Assert.Contains(where, e.Message, StringComparison.Ordinal);
    }
}
