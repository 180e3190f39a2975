using System.Text.Json;
using EdgeSentiment.Cli.Config;
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

    /// <summary>What doctor needs from the agent's status reply and, when it gave them, its settings.</summary>
    public static AgentStatusSnapshot Snapshot(StatusReply status, ConfigReply? settings = null)
    {
        ArgumentNullException.ThrowIfNull(status);
        var device = status.Capture.Source == nameof(CaptureSourceKind.Microphone) ? status.Capture.Input : null;
        return new AgentStatusSnapshot(
            status.ProcessId,
            device,
            status.Pipeline.LevelDbfs,
            status.Store.KeyId,
            status.Store.Path,
            status.Store.KeyFile,
            settings is null ? null : AgentConfiguration.FromAgent(settings, status));
    }

    private static async Task<AgentStatusSnapshot?> AskAsync(string socketPath, CancellationToken cancellationToken)
    {
        using var client = new AgentClient(socketPath);
        var status = await client.GetAsync<StatusReply>(ControlApi.Status, cancellationToken).ConfigureAwait(false);
        ConfigReply? settings;
        try
        {
            settings = await client.GetAsync<ConfigReply>(ControlApi.Configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AgentRequestException or JsonException)
        {
            // An agent of an earlier version has no such request: the checks use the files for its settings.
            settings = null;
        }

        return Snapshot(status, settings);
    }
}
