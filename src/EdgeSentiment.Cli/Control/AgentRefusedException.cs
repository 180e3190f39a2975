namespace EdgeSentiment.Cli.Control;

/// <summary>The agent (or the socket's file mode) refused this user.</summary>
public sealed class AgentRefusedException : Exception
{
    public AgentRefusedException()
    {
    }

    public AgentRefusedException(string message)
        : base(message)
    {
    }

    public AgentRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AgentRefusedException(string message, string? hint)
        : base(message)
    {
        Hint = hint;
    }

    /// <summary>What to do to get access.</summary>
    public string? Hint { get; }
}
