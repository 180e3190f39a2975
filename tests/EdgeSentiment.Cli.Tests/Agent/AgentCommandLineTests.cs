using EdgeSentiment.Core.Inference;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Agent;

// The configuration's reader skips what it does not understand: without a check, "--help" or a typo started the agent on its defaults.
public sealed class AgentCommandLineTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Help_PrintsUsageAndExits0()
    {
        var run = await RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("usage: edgesentiment-agent [--Section:Key value]...", run.Out, StringComparison.Ordinal);
        Assert.Contains("Capture:   Source, File,", run.Out, StringComparison.Ordinal);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task Version_PrintsTheVersionAndExits0()
    {
        var run = await RunAsync("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("edgesentiment-agent 0.", run.Out, StringComparison.Ordinal);
        Assert.Single(run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("recording.wav", "did you mean --Capture:File recording.wav?")]
    [InlineData("--Capture:Sorce=Microphone", "Capture:Sorce is not a setting; did you mean --Capture:Source?")]
    [InlineData("--Captur:Source Microphone", "Captur:Source is not a setting; did you mean --Capture:Source?")]
    public async Task UnknownArgument_OneLineWithTheNearestSetting_Exit2(string arguments, string expected)
    {
        var run = await RunAsync(arguments.Split(' '));
        var argument = arguments.Split(' ')[0];

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {argument}: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidSettings_InBothSpellings_RunTheAgent()
    {
        var run = await RunAsync(
            $"--Capture:File={RepositoryPaths.Sample("neutral.wav")}",
            "--Capture:Loop", "false",
            "--capture:realtime=false",
            "--Pipeline:Model", Path.Combine(RepositoryPaths.Models, ModelFiles.DefaultFileName),
            "--Store:DatabasePath", _folder.PathOf("results.db"),
            "--Store:KeyFile", _folder.PathOf("edgesentiment.key"),
            "--Store:CreateKeyIfMissing", "true",
            "--Control:Enabled", "false",
            "--Logging:LogLevel:Default", "Warning");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.True(File.Exists(_folder.PathOf("results.db")), "the agent did not run");
    }

    private Task<ProcessRun> RunAsync(params string[] args) => ProcessRun.OfAsync(
        ProcessRun.Dotnet,
        [RepositoryPaths.Built("src/EdgeSentiment.Agent", "edgesentiment-agent.dll"), .. args],
        new Dictionary<string, string> { ["CONFIGURATION_DIRECTORY"] = _folder.PathOf("etc") });
}
