using System.Text.Json;
using EdgeSentiment.Cli.Tests.Control;

namespace EdgeSentiment.Cli.Tests.Doctor;

/// <summary>config show against a real agent in this process: what it runs with, not what this shell's files say.</summary>
[Collection(ControlAgentGroup.Name)]
public sealed class ConfigShowWithAgentTests : IDisposable
{
    private readonly ControlAgent _agent;
    private readonly DoctorFolder _folder = new();

    public ConfigShowWithAgentTests(ControlAgent agent) => _agent = agent;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void TheAgentAnswers_ThenItsOwnSettingsAreShown_WithTheirSources()
    {
        var run = CliRun.Of("config", "show", "--json", "--socket", _agent.SocketPath);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        var root = document.RootElement;
        Assert.Equal("agent", root.GetProperty("from").GetString());
        Assert.Equal(Environment.ProcessId, root.GetProperty("processId").GetInt32());
        var database = Entry(document, "Store:DatabasePath");
        Assert.Equal(_agent.DatabasePath, database.GetProperty("value").GetString());
        Assert.Equal("command line", database.GetProperty("source").GetString());
        Assert.Equal("50", Entry(document, "Control:LedTestStepMilliseconds").GetProperty("value").GetString());
    }

    [Fact]
    public void TheAgentAnswers_ThenTheTableSaysSo()
    {
        var run = CliRun.Of("config", "show", "--socket", _agent.SocketPath);

        Assert.StartsWith($"settings of the running agent (pid {Environment.ProcessId}) on {_agent.SocketPath}", run.Out, StringComparison.Ordinal);
        Assert.Contains(_agent.DatabasePath, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void NoAgent_ThenTheFilesAreShown_AndTheTableSaysWhy()
    {
        var run = CliRun.Of("config", "show", "--socket", _folder.NoAgentSocket);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.StartsWith(
            $"no agent answers (no control socket at {_folder.NoAgentSocket}); these are the settings the agent would start with, read from the files",
            run.Out,
            StringComparison.Ordinal);
        Assert.DoesNotContain(_agent.DatabasePath, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigDir_ThenTheFilesAreShown_EvenWithAnAgentRunning()
    {
        var run = CliRun.Of("config", "show", "--json", "--config-dir", _folder.ConfigDirectory, "--socket", _agent.SocketPath);

        using var document = JsonDocument.Parse(run.Out);
        Assert.Equal("files", document.RootElement.GetProperty("from").GetString());
        Assert.Equal(_folder.DatabasePath, Entry(document, "Store:DatabasePath").GetProperty("value").GetString());
    }

    private static JsonElement Entry(JsonDocument document, string key) =>
        document.RootElement.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("key").GetString() == key);
}
