namespace EdgeSentiment.Cli.Control;

/// <summary>Nothing listens on the control socket: the agent is stopped, or the path is wrong.</summary>
public sealed class AgentNotRunningException : Exception
{
    public AgentNotRunningException()
    {
    }

    public AgentNotRunningException(string message)
        : base(message)
    {
    }

    public AgentNotRunningException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
