using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Agent;

// Restart=on-failure restarts on any exit but 0 and 78: a fault at run time must end in neither.
public sealed class AgentFaultTests
{
    [Fact]
    public async Task Agent_FaultAfterStart_Exits70WithOneLine()
    {
        using var folder = new TempFolder();
        var agent = RepositoryPaths.Built("src/EdgeSentiment.Agent", "edgesentiment-agent.dll");
        string[] args =
        [
            agent,
            "--Store:DatabasePath", folder.PathOf("results.db"),
            "--Store:KeyFile", folder.PathOf("edgesentiment.key"),
            "--Store:CreateKeyIfMissing", "true",
            "--Control:SocketPath", folder.PathOf("control.sock"),
        ];

        // The watchdog's first ping goes to a notify socket nobody listens on: its service fails once the agent runs.
        var run = await ProcessRun.OfAsync(ProcessRun.Dotnet, args, new Dictionary<string, string>
        {
            ["CONFIGURATION_DIRECTORY"] = folder.PathOf("etc"),
            ["NOTIFY_SOCKET"] = folder.PathOf("notify.sock"),
            ["WATCHDOG_USEC"] = "2000000",
        });

        Assert.Equal(70, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: the agent stopped on a fault (SocketException: ", line, StringComparison.Ordinal);
    }
}
