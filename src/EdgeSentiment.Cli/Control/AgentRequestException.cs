namespace EdgeSentiment.Cli.Control;

/// <summary>The agent answered, but with an error (a bad request, no running session, a store failure).</summary>
public sealed class AgentRequestException : Exception
{
    public AgentRequestException()
    {
    }

    public AgentRequestException(string message)
        : base(message)
    {
    }

    public AgentRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AgentRequestException(int status, string message, string? hint)
        : base(message)
    {
        Status = status;
        Hint = hint;
    }

    /// <summary>The HTTP status the agent answered with.</summary>
    public int Status { get; }

    /// <summary>What to do about it, when the agent said.</summary>
    public string? Hint { get; }
}
