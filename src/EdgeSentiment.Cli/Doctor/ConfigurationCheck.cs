namespace EdgeSentiment.Cli.Doctor;

/// <summary>
/// The agent's own options validation: a value it would refuse stops it at start. When the running
/// agent told its settings, the checks judge those, and the files are checked for its next start.
/// </summary>
public sealed class ConfigurationCheck : IDoctorCheck
{
    public string Name => "configuration";

    public Task<CheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(context.FilesConfiguration is { } files ? WithAgent(context, files) : FromFiles(context));
    }

    private CheckResult WithAgent(DoctorContext context, Config.AgentConfiguration files)
    {
        var agent = $"the running agent (pid {context.Configuration.AgentProcessId}) told its settings on {context.AgentSocket}; the checks below use them";
        var hint = $"{files.Directory}/*.json";
        return files.Failures.Count switch
        {
            0 => CheckResult.Pass(Name, $"{agent}; it would start again on {hint}"),
            _ => CheckResult.Fail(
                Name,
                $"{agent}, but it would not start again on {hint}: {files.Failures[0]}{More(files.Failures.Count)}",
                $"edit {hint} before the agent restarts; 'edgesentiment config show --config-dir {files.Directory}' shows where each value comes from"),
        };
    }

    private CheckResult FromFiles(DoctorContext context)
    {
        var failures = context.Configuration.Failures;
        var from = context.AgentStatus is null
            ? "no running agent told its settings, so the checks use the files"
            : "the running agent did not tell its settings (an earlier version), so the checks use the files";
        return failures.Count switch
        {
            0 => CheckResult.Pass(Name, $"every setting is valid (read {context.ConfigurationHint}, EDGESENTIMENT_ variables); {from}"),
            _ => CheckResult.Fail(
                Name,
                $"{failures[0]}{More(failures.Count)}; {from}",
                $"edit {context.ConfigurationHint}; 'edgesentiment config show' shows where each value comes from"),
        };
    }

    private static string More(int count) => count > 1 ? $" (and {count - 1} more)" : "";
}
