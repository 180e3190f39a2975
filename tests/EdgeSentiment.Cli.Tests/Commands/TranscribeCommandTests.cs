using System.Text.Json;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Commands;

public sealed class TranscribeCommandTests
{
    [Fact]
    public void Transcribe_NoLanguageModelOptions_DecodesWithTheShippedReviewModelAlone()
    {
        var run = CliRun.Of("transcribe", RepositoryPaths.Sample("neutral.wav"), "--json");

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal("pocketsphinx 0.8, review-lm.arpa", doc.RootElement.GetProperty("engine").GetString());
    }

    [Fact]
    public void Transcribe_ReviewWeightZero_DecodesWithTheGeneralModelAlone()
    {
        var run = CliRun.Of("transcribe", RepositoryPaths.Sample("neutral.wav"), "--review-weight", "0", "--json");

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal("pocketsphinx 0.8, en-us.lm.bin", doc.RootElement.GetProperty("engine").GetString());
    }

    [Fact]
    public void Transcribe_NarrowBeams_StillTranscribes()
    {
        var run = CliRun.Of(
            "transcribe", RepositoryPaths.Sample("neutral.wav"), "--beam", "1e-40", "--wbeam", "1e-24", "--pbeam", "1e-40", "--maxhmmpf", "3000", "--json");

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.NotEqual("", doc.RootElement.GetProperty("files")[0].GetProperty("transcript").GetString());
    }
}
