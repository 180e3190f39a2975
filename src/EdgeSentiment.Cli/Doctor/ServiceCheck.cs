namespace EdgeSentiment.Cli.Doctor;

/// <summary>Whether systemd runs the agent: <c>systemctl is-active edgesentiment</c>.</summary>
public sealed class ServiceCheck : IDoctorCheck
{
    public const string Unit = "edgesentiment";

    public string Name => "service";

    public async Task<CheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var load = await context.Processes.RunAsync("systemctl", ["show", "--property=LoadState", "--value", Unit], cancellationToken);
        if (load is null)
        {
            return CheckResult.Warn(Name, "systemctl is not installed: the agent does not run as a service here", "on a board, install it with scripts/install");
        }

        if (load.ExitCode != 0)
        {
            var reason = FirstLine(load.Error.Length > 0 ? load.Error : load.Output);
            return CheckResult.Warn(Name, $"systemd does not answer ({reason})", "on a board, install the agent with scripts/install; here, start it with scripts/run");
        }

        if (load.Output is "not-found" or "")
        {
            return CheckResult.Warn(Name, $"the {Unit} service is not installed", "install it with scripts/install (as root)");
        }

        var active = await context.Processes.RunAsync("systemctl", ["is-active", Unit], cancellationToken);
        var state = active?.Output ?? "unknown";
        return state switch
        {
            "active" => CheckResult.Pass(Name, $"the {Unit} service is active" + (context.AgentHolder is { } holder ? $" (pid {holder.ProcessId})" : "")),
            "activating" or "reloading" => CheckResult.Warn(Name, $"the {Unit} service is {state}", $"wait a few seconds and run 'edgesentiment doctor' again; 'journalctl -u {Unit} -e' shows its log"),
            "failed" => CheckResult.Fail(Name, $"the {Unit} service has failed", $"see why with 'journalctl -u {Unit} -e', fix it, then 'systemctl restart {Unit}'"),
            _ => CheckResult.Warn(Name, $"the {Unit} service is {state}", $"start it with 'systemctl enable --now {Unit}'"),
        };
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }
}
