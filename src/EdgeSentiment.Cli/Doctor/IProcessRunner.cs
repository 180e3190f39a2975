namespace EdgeSentiment.Cli.Doctor;

/// <summary>Runs a system program; the seam that lets the service and clock checks be tested without systemd.</summary>
public interface IProcessRunner
{
    /// <returns>Null when <paramref name="program"/> is not installed.</returns>
    Task<ProcessResult?> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken);
}
