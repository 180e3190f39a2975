using Microsoft.Extensions.Hosting;

namespace EdgeSentiment.Device.Control;

/// <summary>
/// The control server's inner host neither listens for signals nor stops on its own: the agent's
/// host (systemd or console) owns the process's lifetime and stops the control server with itself.
/// </summary>
internal sealed class ControlHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
