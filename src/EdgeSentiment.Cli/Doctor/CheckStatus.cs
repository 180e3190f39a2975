namespace EdgeSentiment.Cli.Doctor;

/// <summary>The verdict of one doctor check.</summary>
public enum CheckStatus
{
    Pass = 0,

    /// <summary>Works, but something needs a look; does not change the exit code.</summary>
    Warn,

    /// <summary>The agent cannot do this part of its job; the exit code is 1.</summary>
    Fail,
}
