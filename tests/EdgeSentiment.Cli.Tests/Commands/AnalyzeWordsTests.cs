using System.Text.Json;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Commands;

public sealed class AnalyzeWordsTests
{
    private const string Sentence = "the movie was wonderful and the acting was great";
    private static readonly string[] Labels = ["negative", "neutral", "positive"];

    [Fact]
    public void Analyze_WordsAndJson_GiveEachUtteranceItsTranscriptAndTheThreeVerdicts()
    {
        using var temp = new TempFolder();
        var wav = temp.PathOf("review.wav");
        EspeakNg.Speak(Sentence, wav);

        var run = CliRun.Of("analyze", wav, "--words", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Contains("pocketsphinx", doc.RootElement.GetProperty("words").GetString(), StringComparison.Ordinal);
        var file = doc.RootElement.GetProperty("files")[0];
        var utterances = file.GetProperty("utterances");
        Assert.Equal(1, utterances.GetArrayLength());
        var utterance = utterances[0];
        var words = utterance.GetProperty("transcript").GetString()!.Split(' ');
        Assert.Contains(words, word => word is "movie" or "wonderful" or "acting" or "great");
        Assert.Equal(words.Length, utterance.GetProperty("words").GetInt32());
        Assert.InRange(utterance.GetProperty("end").GetDouble() - utterance.GetProperty("start").GetDouble(), 2.0, 10.0);
        AssertProbabilities(utterance.GetProperty("voice"));
        var fused = utterance.GetProperty("fused");
        Assert.Contains(fused.GetProperty("label").GetString(), Labels);
        AssertProbabilities(fused.GetProperty("scores"));
        var used = fused.GetProperty("wordsUsed").GetBoolean() ? 1 : 0;
        Assert.Equal(used, file.GetProperty("wordsUsedIn").GetInt32());
    }

    [Fact]
    public void Analyze_Words_ShowsTheTranscriptUnderItsUtterance()
    {
        using var temp = new TempFolder();
        var wav = temp.PathOf("review.wav");
        EspeakNg.Speak(Sentence, wav);

        var run = CliRun.Of("analyze", wav, "--words");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("utterances (words: pocketsphinx", run.Out, StringComparison.Ordinal);
        Assert.Matches("\"[a-z' ]+\" \\(\\d+ words, confidence [01]\\.\\d\\d\\)", run.Out);
        Assert.Contains("words used in ", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_JsonWithoutWords_HasNoUtterances()
    {
        var run = CliRun.Of("analyze", RepositoryPaths.Sample("neutral.wav"), "--json");

        using var doc = JsonDocument.Parse(run.Out);
        Assert.False(doc.RootElement.TryGetProperty("words", out _));
        Assert.False(doc.RootElement.GetProperty("files")[0].TryGetProperty("utterances", out _));
    }

    private static void AssertProbabilities(JsonElement scores)
    {
        var sum = scores.GetProperty("negative").GetDouble() + scores.GetProperty("neutral").GetDouble() + scores.GetProperty("positive").GetDouble();
        Assert.Equal(1.0, sum, 2);
    }
}
