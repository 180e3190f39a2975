using EdgeSentiment.Cli.Control;
using EdgeSentiment.Cli.Doctor;

namespace EdgeSentiment.Cli.Tests.Doctor;

public sealed class AgentCheckTests : IDisposable
{
    private const string Socket = "/run/edgesentiment/control.sock";
    private readonly DoctorBed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public async Task AnAgentThatAnswers_Passes_WithItsSocketAndPid()
    {
        var result = await RunAsync(_ => Task.FromResult<AgentStatusSnapshot?>(new AgentStatusSnapshot(4242, null, -30, "k1")));

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Equal($"answering on {Socket} (pid 4242)", result.Finding);
    }

    [Fact]
    public async Task NoAgent_IsAWarning_WithHowToStartIt()
    {
        var result = await RunAsync(_ => throw new AgentNotRunningException($"no control socket at {Socket}"));

        Assert.Equal(CheckStatus.Warn, result.Status);
        Assert.Equal($"the agent is not running: no control socket at {Socket}", result.Finding);
        Assert.Contains("sudo systemctl start edgesentiment", result.Fix, StringComparison.Ordinal);
        Assert.Contains("scripts/run", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASocketThatRefusesUs_Fails_WithTheGroupFix()
    {
        var result = await RunAsync(_ => throw new AgentRefusedException($"permission denied on the control socket {Socket}", hint: null));

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Equal($"refused on {Socket}: permission denied on the control socket {Socket}", result.Finding);
        Assert.Contains("usermod -aG edgesentiment", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAgentThatDoesNotAnswerInTime_IsAWarning_PointingAtItsLog()
    {
        var result = await RunAsync(async token =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return null;
        }, limit: TimeSpan.Zero);

        Assert.Equal(CheckStatus.Warn, result.Status);
        Assert.Contains("did not answer", result.Finding, StringComparison.Ordinal);
        Assert.Contains("journalctl -u edgesentiment", result.Fix, StringComparison.Ordinal);
    }

    private async Task<CheckResult> RunAsync(Func<CancellationToken, Task<AgentStatusSnapshot?>> source, TimeSpan? limit = null)
    {
        _bed.AgentStatusSource = source;
        _bed.AgentSocket = Socket;
        _bed.AgentStatusLimit = limit ?? _bed.AgentStatusLimit;
        var results = await DoctorRunner.RunAsync([new AgentCheck()], _bed.Context(), CancellationToken.None);
        return Assert.Single(results);
    }
}
