using System.Text.Json;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Commands;

/// <summary><c>eval-text</c> with the shipped text model on the CSVs people hand it, good and broken.</summary>
public sealed class EvalTextCommandTests : IDisposable
{
    private const string Reviews =
        "text,label\n" +
        "\"A wonderful, moving film; the best this year.\",positive\n" +
        "The plot made no sense and the acting was wooden,negative\n" +
        "\"It was, frankly, an utterly boring two hours\",negative\n" +
        "the movie opens in theaters on friday,neutral\n";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void EvalText_Json_PrintsTheFiguresOfEval()
    {
        var run = CliRun.Of("eval-text", "--manifest", _temp.Write("reviews.csv", Reviews), "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal(4, root.GetProperty("clips").GetInt32());
        Assert.InRange(root.GetProperty("accuracy").GetDouble(), 0, 1);
        Assert.InRange(root.GetProperty("macroF1").GetDouble(), 0, 1);
        Assert.Equal(["negative", "neutral", "positive"], root.GetProperty("perClass").EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, root.GetProperty("perClass").GetProperty("negative").GetProperty("support").GetInt32());
        var matrix = root.GetProperty("confusion").GetProperty("matrix");
        Assert.Equal(4, matrix.EnumerateArray().Sum(row => row.EnumerateArray().Sum(cell => cell.GetInt32())));
        Assert.StartsWith("text-sentiment ", root.GetProperty("model").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EvalText_Table_CountsTexts()
    {
        var run = CliRun.Of("eval-text", "--manifest", _temp.Write("reviews.csv", Reviews));

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("texts     4 (0 unreadable)", run.Out, StringComparison.Ordinal);
        Assert.Contains("macro-F1", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("review,score\ngood,positive\n", "reviews.csv:1: the header must be 'text,label'")]
    [InlineData("text,label\ngood,positive\nbad,awful\n", "reviews.csv:3: label 'awful' is not one of negative, neutral, positive")]
    public void EvalText_BadCsv_IsAUsageErrorNamingTheLine(string content, string message)
    {
        var run = CliRun.Of("eval-text", "--manifest", _temp.Write("reviews.csv", content));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.Empty(run.Out);
    }

    [Fact]
    public void EvalText_HeaderOnly_FailsSayingThereIsNothingToScore()
    {
        var run = CliRun.Of("eval-text", "--manifest", _temp.Write("reviews.csv", "text,label\n"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no labelled texts", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalText_MissingModel_SaysWhatToPass()
    {
        var run = CliRun.Of("eval-text", "--manifest", _temp.Write("reviews.csv", Reviews), "--model", _temp.PathOf("none.onnx"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("text model not found; pass --model", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalText_TheVoiceModel_IsRefusedAsNotATextModel()
    {
        var voice = Path.Combine(RepositoryPaths.Models, "sentiment-int8.onnx");

        var run = CliRun.Of("eval-text", "--manifest", _temp.Write("reviews.csv", Reviews), "--model", voice);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("not a text sentiment model", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void EvalText_WithoutManifest_IsAUsageError()
    {
        Assert.Equal(2, CliRun.Of("eval-text").ExitCode);
    }
}
