using System.CommandLine;
using EdgeSentiment.Device.Control;

namespace EdgeSentiment.Cli.Control;

/// <summary>The <c>--socket</c> and <c>--json</c> options of the commands that talk to the running agent.</summary>
public static class AgentOptions
{
    public const string SocketVariable = "EDGESENTIMENT_SOCKET";

    /// <summary><c>--socket</c>, else <c>$EDGESENTIMENT_SOCKET</c>, else the agent's default under systemd.</summary>
    public static Option<string> Socket() => new("--socket")
    {
        Description = $"The agent's control socket (default: ${SocketVariable}, else {ControlSocketPath.Default}).",
        DefaultValueFactory = _ => DefaultSocket(),
        HelpName = "PATH",
    };

    public static Option<bool> Json() => new("--json") { Description = "Write JSON for scripts instead of a table." };

    public static string DefaultSocket() =>
        Environment.GetEnvironmentVariable(SocketVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : ControlSocketPath.Default;
}
