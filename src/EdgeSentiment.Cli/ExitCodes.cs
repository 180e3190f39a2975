namespace EdgeSentiment.Cli;

/// <summary>The exit codes every command uses.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command ran but something it was given failed (a file, a check).</summary>
    public const int Failed = 1;

    /// <summary>The command line itself was wrong.</summary>
    public const int Usage = 2;

    /// <summary>A command that needs the running agent found nothing listening on its control socket.</summary>
    public const int AgentNotRunning = 3;

    /// <summary>The agent (or the socket's file mode) refused this user: not root, not in the edgesentiment group.</summary>
    public const int Refused = 4;

    /// <summary>A settings file the agent cannot start with (sysexits EX_CONFIG, as the agent itself exits).</summary>
    public const int Configuration = 78;
}
