namespace EdgeSentiment.Cli.Doctor;

/// <summary>One thing <c>edgesentiment doctor</c> looks at; everything it touches comes through the <see cref="DoctorContext"/>.</summary>
public interface IDoctorCheck
{
    /// <summary>Short and stable: the name in the output and in <c>--json</c>.</summary>
    string Name { get; }

    Task<CheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken);
}
