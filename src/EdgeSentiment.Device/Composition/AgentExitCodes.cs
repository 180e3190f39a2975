namespace EdgeSentiment.Device.Composition;

/// <summary>The agent's exit codes; systemd decides on them whether to restart it (systemd/edgesentiment.service).</summary>
public static class AgentExitCodes
{
    /// <summary>A configuration the agent cannot run with, found before it started (sysexits EX_CONFIG): the unit does not restart on it.</summary>
    public const int ConfigurationError = 78;

    /// <summary>A fault once the agent was running (sysexits EX_SOFTWARE): the unit restarts it.</summary>
    public const int Fault = 70;
}
