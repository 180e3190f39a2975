using EdgeSentiment.Cli.Tests.Control;
using EdgeSentiment.Device.Storage.Sealing;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Doctor;

/// <summary>doctor against a real agent in this process, asked over its control socket.</summary>
[Collection(ControlAgentGroup.Name)]
public sealed class DoctorWithAgentTests : IDisposable
{
    private readonly ControlAgent _agent;
    private readonly DoctorFolder _folder = new();

    public DoctorWithAgentTests(ControlAgent agent)
    {
        _agent = agent;

        // The configuration the agent runs with: its database and key.
        _folder.Settings("10-agent.json", new { Store = new { agent.DatabasePath, agent.KeyFile } });
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void TheAgentAnswers_ThenTheAgentCheckPasses_AndTheDatabaseCheckReportsTheAgentsView()
    {
        using var key = StoreKeyFile.Load(_agent.KeyFile);

        var run = CliRun.Of("doctor", "--json", "--config-dir", _folder.ConfigDirectory, "--socket", _agent.SocketPath);

        var report = DoctorReport.Parse(run.Out);
        Assert.True(report["agent"].Status == "PASS", report["agent"].Finding);
        Assert.Equal($"answering on {_agent.SocketPath} (pid {Environment.ProcessId})", report["agent"].Finding);
        Assert.True(report["database"].Status == "PASS", report["database"].Finding);
        Assert.Contains($"held by the running agent (pid {Environment.ProcessId}); not opened", report["database"].Finding, StringComparison.Ordinal);
        Assert.Contains($"the agent uses key {key.Id}, the key file's", report["database"].Finding, StringComparison.Ordinal);
        _agent.Log.AssertNoErrors();
    }

    [Fact]
    public void TheAgentRunsWithStorePathsFromItsCommandLine_ThenTheKeyAndDatabaseChecksUseWhatTheAgentUses()
    {
        // As with scripts/run: the configuration folder names other files than the agent was started with.
        using var folder = new DoctorFolder();
        using var key = StoreKeyFile.Load(_agent.KeyFile);

        var run = CliRun.Of("doctor", "--json", "--config-dir", folder.ConfigDirectory, "--socket", _agent.SocketPath);

        var report = DoctorReport.Parse(run.Out);
        Assert.True(report["key"].Status == "PASS", report["key"].Finding);
        Assert.Contains(_agent.KeyFile, report["key"].Finding, StringComparison.Ordinal);
        Assert.True(report["database"].Status == "PASS", report["database"].Finding);
        Assert.Contains($"{_agent.DatabasePath} is held by the running agent", report["database"].Finding, StringComparison.Ordinal);
        Assert.DoesNotContain(folder.KeyPath, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void TheAgentTellsItsSettings_ThenTheChecksJudgeThoseAndNotTheFiles()
    {
        // The files would drive GPIO LEDs; the running agent shows the mood on the console.
        _folder.Settings("20-leds.json", new { Indicator = new { Kind = "GpioLeds", GpioChip = 31 } });

        var run = CliRun.Of("doctor", "--json", "--config-dir", _folder.ConfigDirectory, "--socket", _agent.SocketPath);

        var report = DoctorReport.Parse(run.Out);
        Assert.True(report["configuration"].Status == "PASS", report["configuration"].Finding);
        Assert.StartsWith(
            $"the running agent (pid {Environment.ProcessId}) told its settings on {_agent.SocketPath}; the checks below use them",
            report["configuration"].Finding,
            StringComparison.Ordinal);
        Assert.Equal(("PASS", "not used (Indicator:Kind is Console)"), (report["gpio"].Status, report["gpio"].Finding));
        Assert.Contains(RepositoryPaths.Models, report["model"].Finding, StringComparison.Ordinal);
    }

    [Fact]
    public void TheFilesChangedSinceTheAgentStarted_ThenTheConfigurationCheckFailsForItsNextStart()
    {
        _folder.Settings("50-typo.json", new { Capture = new { Sorce = "Microphone" } });

        var run = CliRun.Of("doctor", "--json", "--config-dir", _folder.ConfigDirectory, "--socket", _agent.SocketPath);

        var report = DoctorReport.Parse(run.Out);
        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Equal("FAIL", report["configuration"].Status);
        Assert.Contains(
            $"but it would not start again on {_folder.ConfigDirectory}/*.json: Capture:Sorce is not a setting; did you mean Capture:Source?",
            report["configuration"].Finding,
            StringComparison.Ordinal);
        Assert.Equal("PASS", report["agent"].Status);
    }

    [Fact]
    public void WithoutAnAgent_TheChecksUseTheFilesAndSaySo()
    {
        var run = CliRun.Of("doctor", "--json", "--config-dir", _folder.ConfigDirectory, "--socket", _folder.NoAgentSocket);

        var report = DoctorReport.Parse(run.Out);
        Assert.Contains("no running agent told its settings, so the checks use the files", report["configuration"].Finding, StringComparison.Ordinal);
    }
}
