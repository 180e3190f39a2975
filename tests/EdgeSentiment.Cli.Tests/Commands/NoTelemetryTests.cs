using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Commands;

// Everything happens on the device: ONNX Runtime must not leave a device id or an event database behind.
public sealed class NoTelemetryTests : IDisposable
{
    private readonly TempFolder _home = new();

    [Fact]
    public async Task Analyze_WithAFreshHome_WritesNothingThere()
    {
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = _home.Path,
            ["XDG_CACHE_HOME"] = _home.PathOf(".cache"),
            ["ORT_DISABLE_TELEMETRY"] = "",
        };

        var run = await ProcessRun.OfAsync(ProcessRun.Dotnet, [ProcessRun.CliAssembly, "analyze", RepositoryPaths.Sample("neutral.wav")], environment);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("overall:", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("elemetry", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_home.Path, "*", SearchOption.AllDirectories));
    }

    public void Dispose() => _home.Dispose();
}
