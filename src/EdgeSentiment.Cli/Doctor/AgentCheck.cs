using EdgeSentiment.Cli.Control;

namespace EdgeSentiment.Cli.Doctor;

/// <summary>
/// Whether the running agent answers on its control socket (<c>/v1/status</c>): its answer is what the
/// audio and database checks then use as the agent's own view.
/// </summary>
public sealed class AgentCheck : IDoctorCheck
{
    public const string StartFix =
        $"start it with {AgentCommand.StartAgent}, or point --socket (or ${AgentOptions.SocketVariable}) at its socket";

    public string Name => "agent";

    public Task<CheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(Check(context));
    }

    private CheckResult Check(DoctorContext context)
    {
        var socket = context.AgentSocket ?? "its control socket";
        if (context.AgentStatus is { } status)
        {
            return CheckResult.Pass(Name, $"answering on {socket} (pid {status.ProcessId})");
        }

        return context.AgentStatusFailure switch
        {
            null => CheckResult.Warn(Name, "not asked: no control socket given", $"run doctor with --socket (or ${AgentOptions.SocketVariable})"),
            AgentRefusedException e => CheckResult.Fail(Name, $"refused on {socket}: {e.Message}", e.Hint ?? AgentClient.GroupFix),
            AgentNotRunningException e => CheckResult.Warn(Name, $"the agent is not running: {e.Message}", StartFix),
            var e => CheckResult.Warn(Name, $"the agent on {socket} did not answer: {e.Message}", $"see its log with 'journalctl -u {ServiceCheck.Unit} -e'; is this edgesentiment the agent's version?"),
        };
    }
}
