using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Doctor;

// A fragment pasted from the docs as a whole file: one line naming the file, exit 78, never a stack trace.
public sealed class MalformedSettingsTests : IDisposable
{
    private const string Fragment = "{ \"Capture\": { \"Source\": \"File\", }\n";
    private readonly DoctorFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("doctor")]
    [InlineData("config", "show")]
    public void Cli_NamesTheFileInOneLineAndExits78(params string[] command)
    {
        var file = _folder.Write("etc/agent.json", Fragment);

        var run = CliRun.Of([.. command, "--config-dir", _folder.ConfigDirectory]);

        Assert.Equal(78, run.ExitCode);
        Assert.StartsWith($"error: {file}: not valid JSON near line 2", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Agent_NamesTheFileInOneLineAndExits78()
    {
        var file = _folder.Write("etc/agent.json", Fragment);
        var agent = RepositoryPaths.Built("src/EdgeSentiment.Agent", "edgesentiment-agent.dll");

        var run = await ProcessRun.OfAsync(ProcessRun.Dotnet, [agent], new Dictionary<string, string> { ["CONFIGURATION_DIRECTORY"] = _folder.ConfigDirectory });

        Assert.Equal(78, run.ExitCode);
        Assert.StartsWith($"error: {file}: not valid JSON near line 2", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
