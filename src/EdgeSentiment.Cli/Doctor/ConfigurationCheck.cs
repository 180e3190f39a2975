namespace EdgeSentiment.Cli.Doctor;

/// <summary>The agent's own options validation: a value it would refuse stops it at start.</summary>
public sealed class ConfigurationCheck : IDoctorCheck
{
    public string Name => "configuration";

    public Task<CheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var failures = context.Configuration.Failures;
        var result = failures.Count switch
        {
            0 => CheckResult.Pass(Name, $"every setting is valid (read {context.ConfigurationHint}, EDGESENTIMENT_ variables)"),
            1 => CheckResult.Fail(Name, failures[0], $"edit {context.ConfigurationHint}; 'edgesentiment config show' shows where each value comes from"),
            _ => CheckResult.Fail(Name, $"{failures.Count} settings are wrong, first: {failures[0]}", $"edit {context.ConfigurationHint}; 'edgesentiment config show' lists every value and its source"),
        };
        return Task.FromResult(result);
    }
}
