using System.Text.Json;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Commands;

public sealed class AnalyzeCommandTests
{
    private static readonly string[] SampleNames = ["negative-angry.wav", "neutral.wav", "positive-happy.wav"];
    private static readonly string[] Labels = ["negative", "neutral", "positive"];

    [Fact]
    public void Json_HasTheDocumentedShapeForEverySample()
    {
        var run = CliRun.Of(["analyze", .. SampleNames.Select(RepositoryPaths.Sample), "--json"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        using var doc = JsonDocument.Parse(run.Out);
        var files = doc.RootElement.GetProperty("files");
        Assert.Equal(SampleNames.Length, files.GetArrayLength());
        foreach (var file in files.EnumerateArray())
        {
            Assert.EndsWith(".wav", file.GetProperty("file").GetString(), StringComparison.Ordinal);
            Assert.InRange(file.GetProperty("durationSeconds").GetDouble(), 1.0, 10.0);
            Assert.Contains("int8", file.GetProperty("model").GetString(), StringComparison.Ordinal);
            var windows = file.GetProperty("windows");
            Assert.True(windows.GetArrayLength() >= 1);
            foreach (var window in windows.EnumerateArray())
            {
                var start = window.GetProperty("start").GetDouble();
                Assert.Equal(2.0, window.GetProperty("end").GetDouble() - start, 3);
                var speech = window.GetProperty("speech").GetBoolean();
                var label = window.GetProperty("label");
                if (speech)
                {
                    Assert.Contains(label.GetString(), Labels);
                }
                else
                {
                    Assert.Equal(JsonValueKind.Null, label.ValueKind);
                }

                AssertProbabilities(window.GetProperty("scores"));
            }

            var overall = file.GetProperty("overall");
            Assert.Contains(overall.GetProperty("label").GetString(), Labels);
            AssertProbabilities(overall.GetProperty("scores"));
        }
    }

    [Fact]
    public void Table_ShowsEachWindowAndAnOverallResult()
    {
        var run = CliRun.Of("analyze", RepositoryPaths.Sample("neutral.wav"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("neutral.wav", run.Out, StringComparison.Ordinal);
        Assert.Contains("overall:", run.Out, StringComparison.Ordinal);
        Assert.Contains("0.00", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void OneBadFile_IsReportedAndTheOthersStillAnalyzed()
    {
        using var temp = new TempFolder();
        var bad = temp.PathOf("notes.wav");
        File.WriteAllText(bad, "these are my notes, not audio");

        var run = CliRun.Of("analyze", bad, RepositoryPaths.Sample("neutral.wav"), "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("notes.wav", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal(1, doc.RootElement.GetProperty("files").GetArrayLength());
    }

    [Fact]
    public void MissingModel_SaysSoAndExitsWithOne()
    {
        var run = CliRun.Of("analyze", RepositoryPaths.Sample("neutral.wav"), "--model", "/nonexistent/m.onnx");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("model file not found", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void NoFiles_IsAUsageError()
    {
        var run = CliRun.Of("analyze");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--help", run.Error, StringComparison.Ordinal);
    }

    private static void AssertProbabilities(JsonElement scores)
    {
        var sum = 0.0;
        foreach (var name in Labels)
        {
            var value = scores.GetProperty(name).GetDouble();
            Assert.InRange(value, 0.0, 1.0);
            sum += value;
        }

        Assert.Equal(1.0, sum, 2);
    }
}
