using System.Text.Json;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Training;

/// <summary>
/// <c>scripts/bench-reference</c> rebuilds the shipped fp32 model from the training code's own
/// network definition; when that definition changes shape, the reference (and <c>scripts/bench</c>'s
/// ratio) must say so here, not on the day someone measures.
/// </summary>
public sealed class BenchReferenceTests
{
    [Theory]
    [InlineData("eager")]
    [InlineData("torchscript")]
    public void BenchReference_ShippedFp32Model_RunsAndChecksItsFeaturesAndGraph(string runtime)
    {
        var run = PythonScript.Run(["scripts/bench-reference", "--seconds", "2", "--runtime", runtime, "--check", "--json"]);

        Assert.True(run.ExitCode == 0, $"scripts/bench-reference --runtime {runtime} exited with {run.ExitCode}:\n{run.Output}");
        var json = run.Out[run.Out.IndexOf('{', StringComparison.Ordinal)..];
        using var document = JsonDocument.Parse(json);
        Assert.True(document.RootElement.GetProperty("cpuRtf").GetDouble() > 0, run.Output);
    }
}
