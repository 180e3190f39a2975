using System.Text.Json;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Commands;

// Shape only: timings depend on the machine and belong in the figures bench prints, not in asserts.
public sealed class BenchCommandTests
{
    [Fact]
    public void Json_FiveSeconds_HasEveryDocumentedFieldForTheShippedModel()
    {
        var run = CliRun.Of("bench", "--seconds", "5", "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.Contains("int8", root.GetProperty("model").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, root.GetProperty("threads").GetInt32());
        Assert.Equal(5.0, root.GetProperty("audioSeconds").GetDouble());
        // 2 s windows every 0.5 s over 5 s of audio.
        Assert.Equal(7, root.GetProperty("windows").GetInt32());
        Assert.True(root.GetProperty("rtf").GetDouble() > 0);
        Assert.True(root.GetProperty("cpuRtf").GetDouble() > 0);
        var latency = root.GetProperty("latencyMs");
        var p50 = latency.GetProperty("p50").GetDouble();
        var p95 = latency.GetProperty("p95").GetDouble();
        var p99 = latency.GetProperty("p99").GetDouble();
        Assert.True(p50 > 0 && p50 <= p95 && p95 <= p99, $"percentiles out of order: {p50}, {p95}, {p99}");
        Assert.True(root.GetProperty("allocatedBytesPerWindow").GetDouble() >= 0);
        Assert.True(root.GetProperty("modelLoadMs").GetDouble() > 0);
        Assert.True(root.GetProperty("peakRssMb").GetDouble() > 0);
    }

    [Fact]
    public void Table_WithTheFullPrecisionModel_NamesItAndItsFigures()
    {
        var run = CliRun.Of("bench", "--seconds", "2", "--model", Path.Combine(RepositoryPaths.Models, "sentiment-fp32.onnx"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("fp32", run.Out, StringComparison.Ordinal);
        Assert.Contains("real-time factor", run.Out, StringComparison.Ordinal);
        Assert.Contains("bytes per window", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--seconds", "1")]
    [InlineData("--seconds", "-5")]
    [InlineData("--threads", "0")]
    public void OutOfRangeOption_IsAUsageErrorNamingTheOption(string option, string value)
    {
        var run = CliRun.Of("bench", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"error: {option} must be between", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void MissingModel_SaysNotFoundInOneLineAndExitsOne()
    {
        var run = CliRun.Of("bench", "--seconds", "2", "--model", "/nonexistent/model.onnx");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("model file not found", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
    }
}
