using System.Text.Json;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Commands;

// Silence has no sentiment: a recording where nobody spoke must not come out NEGATIVE.
public sealed class AnalyzeSilenceTests : IDisposable
{
    private readonly TempFolder _dir = new();

    [Fact]
    public void SilentRecording_TableSaysNoSpeech()
    {
        var run = CliRun.Of("analyze", Silence());

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("overall: NO SPEECH", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("NEGATIVE", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void SilentRecording_JsonHasNoLabelAndNoScores()
    {
        var run = CliRun.Of("analyze", Silence(), "--json");

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        var overall = doc.RootElement.GetProperty("files")[0].GetProperty("overall");
        Assert.Equal(JsonValueKind.Null, overall.GetProperty("label").ValueKind);
        Assert.Equal(JsonValueKind.Null, overall.GetProperty("scores").ValueKind);
        Assert.Equal(0, overall.GetProperty("speechWindows").GetInt32());
        Assert.Equal("no-speech", overall.GetProperty("basis").GetString());
    }

    public void Dispose() => _dir.Dispose();

    private string Silence()
    {
        var path = _dir.PathOf("silence.wav");
        Sox.Run("-n", "-r", "16000", "-c", "1", "-b", "16", path, "trim", "0", "5");
        return path;
    }
}
