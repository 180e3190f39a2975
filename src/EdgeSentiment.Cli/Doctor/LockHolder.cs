namespace EdgeSentiment.Cli.Doctor;

/// <summary>A process that holds a lock file, with its command line as <c>/proc/PID/cmdline</c> gives it.</summary>
public sealed record LockHolder(int ProcessId, string CommandLine)
{
    public const string AgentProgram = "edgesentiment-agent";

    /// <summary>True when the holder is the agent (run as its executable or as <c>dotnet edgesentiment-agent.dll</c>).</summary>
    public bool IsAgent => CommandLine.Contains(AgentProgram, StringComparison.Ordinal);
}
