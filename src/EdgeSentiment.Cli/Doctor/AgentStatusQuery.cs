using EdgeSentiment.Cli.Control;
using EdgeSentiment.Device.Capture;
using EdgeSentiment.Device.Control.Contract;

namespace EdgeSentiment.Cli.Doctor;

/// <summary>Asks the running agent for its status over the control socket, as <c>edgesentiment status</c> does.</summary>
public static class AgentStatusQuery
{
    /// <summary>A status source for <see cref="DoctorContext.AgentStatusSource"/> that asks the agent on <paramref name="socketPath"/>.</summary>
    public static Func<CancellationToken, Task<AgentStatusSnapshot?>> Over(string socketPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(socketPath);
        return cancellationToken => AskAsync(socketPath, cancellationToken);
    }

    /// <summary>What doctor needs from the agent's status reply.</summary>
    public static AgentStatusSnapshot Snapshot(StatusReply status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var device = status.Capture.Source == nameof(CaptureSourceKind.Microphone) ? status.Capture.Input : null;
        return new AgentStatusSnapshot(
            status.ProcessId, device, status.Pipeline.LevelDbfs, status.Store.KeyId, status.Store.Path, status.Store.KeyFile);
    }

    private static async Task<AgentStatusSnapshot?> AskAsync(string socketPath, CancellationToken cancellationToken)
    {
        using var client = new AgentClient(socketPath);
        var status = await client.GetAsync<StatusReply>(ControlApi.Status, cancellationToken).ConfigureAwait(false);
        return Snapshot(status);
    }
}
