using System.Text.Json;

namespace EdgeSentiment.Cli.Control;

/// <summary>
/// Runs a command's conversation with the agent and turns every way it can fail into one message
/// and an exit code: 3 when the agent is not running, 4 when access is refused, 1 otherwise.
/// </summary>
public static class AgentCommand
{
    public const string WorksWithoutAgent = "analyze, eval, devices, bench, key, export --database PATH";

    /// <summary>How to start the agent, on a board and in a checkout.</summary>
    public const string StartAgent = "'sudo systemctl start edgesentiment' (or scripts/run in a checkout, with --socket state/control.sock here)";

    public static async Task<int> RunAsync(CliConsole console, string socketPath, Func<AgentClient, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(body);
        using var client = new AgentClient(socketPath);
        try
        {
            return await body(client, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Ok;
        }
        catch (Exception e) when (IsAgentFailure(e))
        {
            return Report(console, e);
        }
    }

    /// <summary>Whether <paramref name="exception"/> is one of the ways a conversation with the agent fails.</summary>
    public static bool IsAgentFailure(Exception exception) =>
        exception is AgentNotRunningException or AgentRefusedException or AgentRequestException
            or HttpRequestException or IOException or JsonException;

    /// <summary>Writes the message for a failed conversation and returns its exit code.</summary>
    public static int Report(CliConsole console, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(console);
        switch (exception)
        {
            case AgentNotRunningException e:
                ReportNotRunning(console, e.Message);
                return ExitCodes.AgentNotRunning;
            case AgentRefusedException e:
                console.Fail(e.Message);
                WriteHint(console, e.Hint);
                return ExitCodes.Refused;
            case AgentRequestException e:
                console.Fail(e.Message);
                WriteHint(console, e.Hint);
                return ExitCodes.Failed;
            case JsonException e:
                console.Fail($"the agent's reply was not understood ({e.Message}); is this edgesentiment the agent's version?");
                return ExitCodes.Failed;
            default:
                console.Fail($"the agent closed the connection ({exception.Message}); is it stopping? see journalctl -u edgesentiment");
                return ExitCodes.Failed;
        }
    }

    public static void ReportNotRunning(CliConsole console, string detail)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.Fail($"the agent is not running: {detail}");
        console.Error.WriteLine($"Start it with {StartAgent},");
        console.Error.WriteLine($"or point --socket (or ${AgentOptions.SocketVariable}) at its socket. Without the agent these work: {WorksWithoutAgent}.");
    }

    private static void WriteHint(CliConsole console, string? hint)
    {
        if (hint is not null)
        {
            console.Error.WriteLine(hint);
        }
    }
}
