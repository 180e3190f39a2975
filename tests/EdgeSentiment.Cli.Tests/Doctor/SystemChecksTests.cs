using EdgeSentiment.Cli.Doctor;

namespace EdgeSentiment.Cli.Tests.Doctor;

public sealed class SystemChecksTests : IDisposable
{
    private readonly DoctorBed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task Service_WithoutSystemctl_WarnsThatItIsNotAService()
    {
        var result = await _bed.RunAsync(new ServiceCheck());

        Assert.Equal(CheckStatus.Warn, result.Status);
        Assert.Contains("systemctl is not installed", result.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Service_NotInstalled_WarnsWithTheInstallScript()
    {
        _bed.Processes.Answer("systemctl show --property=LoadState --value edgesentiment", "not-found");

        var result = await _bed.RunAsync(new ServiceCheck());

        Assert.Equal(CheckStatus.Warn, result.Status);
        Assert.Contains("scripts/install", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Service_Active_Passes()
    {
        _bed.Processes.Answer("systemctl show --property=LoadState --value edgesentiment", "loaded")
            .Answer("systemctl is-active edgesentiment", "active");

        var result = await _bed.RunAsync(new ServiceCheck());

        Assert.Equal(CheckStatus.Pass, result.Status);
    }

    [Fact]
    public async Task Service_Failed_FailsAndPointsAtTheJournal()
    {
        _bed.Processes.Answer("systemctl show --property=LoadState --value edgesentiment", "loaded")
            .Answer("systemctl is-active edgesentiment", "failed", exitCode: 3);

        var result = await _bed.RunAsync(new ServiceCheck());

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("journalctl -u edgesentiment", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clock_Synchronised_Passes()
    {
        _bed.Processes.Answer("timedatectl show --property=NTPSynchronized --value", "yes");

        var result = await _bed.RunAsync(new ClockCheck());

        Assert.Equal(CheckStatus.Pass, result.Status);
    }

    [Fact]
    public async Task Clock_NotSynchronised_WarnsWithSetNtp()
    {
        _bed.Processes.Answer("timedatectl show --property=NTPSynchronized --value", "no");

        var result = await _bed.RunAsync(new ClockCheck());

        Assert.Equal(CheckStatus.Warn, result.Status);
        Assert.Contains("timedatectl set-ntp true", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clock_WithoutTimedatectl_Warns()
    {
        var result = await _bed.RunAsync(new ClockCheck());

        Assert.Equal(CheckStatus.Warn, result.Status);
        Assert.Contains("timedatectl is not installed", result.Finding, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(20L << 30, 64L << 30, CheckStatus.Pass)]
    [InlineData(300L << 20, 1L << 30, CheckStatus.Warn)]
    [InlineData(5L << 30, 64L << 30, CheckStatus.Warn)]
    [InlineData(40L << 20, 1L << 30, CheckStatus.Fail)]
    [InlineData(1L << 30, 64L << 30, CheckStatus.Fail)]
    public async Task Disk_JudgesTheFreeSpaceAtTheStoresFolder(long free, long total, CheckStatus expected)
    {
        _bed.Disk = new DiskSpace("/", free, total);

        var result = await _bed.RunAsync(new DiskSpaceCheck());

        Assert.Equal(expected, result.Status);
        Assert.Contains(Path.GetDirectoryName(_bed.DatabasePath)!, result.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configuration_WithAValueTheAgentRefuses_FailsNamingTheKey()
    {
        _bed.Settings("10-capture.json", new { Capture = new { Source = "Microphon" } });

        var result = await _bed.RunAsync(new ConfigurationCheck());

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("Capture:Source", result.Finding, StringComparison.Ordinal);
        Assert.Contains(_bed.ConfigDirectory, result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configuration_Valid_Passes()
    {
        var result = await _bed.RunAsync(new ConfigurationCheck());

        Assert.Equal(CheckStatus.Pass, result.Status);
    }

    [Fact]
    public async Task Runner_ACheckThatThrows_BecomesAFailureAndTheOthersStillRun()
    {
        var results = await DoctorRunner.RunAsync([new ThrowingCheck(), new ConfigurationCheck()], _bed.Context(), CancellationToken.None);

        Assert.Equal(CheckStatus.Fail, results[0].Status);
        Assert.Contains("boom", results[0].Finding, StringComparison.Ordinal);
        Assert.Equal(CheckStatus.Pass, results[1].Status);
    }

    [Fact]
    public async Task Runner_AsksThePluggedInAgentStatusSourceOnce_AndTheChecksSeeItsAnswer()
    {
        var asked = 0;
        var snapshot = new AgentStatusSnapshot(4242, "USB Audio Device", -31.5, "k1");
        _bed.AgentStatusSource = _ =>
        {
            asked++;
            return Task.FromResult<AgentStatusSnapshot?>(snapshot);
        };
        var withSource = _bed.Context();

        await DoctorRunner.RunAsync([new ConfigurationCheck(), new ClockCheck()], withSource, CancellationToken.None);

        Assert.Equal(1, asked);
        Assert.Same(snapshot, withSource.AgentStatus);
    }

    private sealed class ThrowingCheck : IDoctorCheck
    {
        public string Name => "throws";

        public Task<CheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("boom");
    }
}
