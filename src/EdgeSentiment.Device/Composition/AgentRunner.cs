using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EdgeSentiment.Device.Composition;

/// <summary>
/// Runs the agent's host in two parts with the exit codes systemd acts on. Until the host has
/// started, an error of the configuration (<see cref="StartErrors"/>) exits 78 and the unit leaves
/// the agent stopped: restarting cannot fix a setting. Once it runs, any fault exits 70 with one
/// line, and the unit restarts the agent: an I/O error at run time is not a configuration error.
/// </summary>
public static class AgentRunner
{
    /// <param name="build">Builds the host; reading the settings files happens here.</param>
    /// <param name="error">Where the one-line errors go (stderr, the journal under systemd).</param>
    /// <param name="cancellationToken">Stops the agent as SIGTERM does.</param>
    /// <returns>The process's exit code.</returns>
    public static async Task<int> RunAsync(Func<IHost> build, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(error);
        IHost? host = null;
        try
        {
            try
            {
                host = build();
                DeviceServices.Prepare(host.Services);
                await host.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (StartErrors.Describe(e) is { } lines)
            {
                foreach (var line in lines)
                {
                    await error.WriteLineAsync(line).ConfigureAwait(false);
                }

                return AgentExitCodes.ConfigurationError;
            }

            try
            {
                await host.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                await ReportFaultAsync(error, e).ConfigureAwait(false);
                return AgentExitCodes.Fault;
            }

            // The host logs a background service that failed and stops, but returns as if all went well.
            if (FailedBackgroundService(host.Services) is { } failure)
            {
                await ReportFaultAsync(error, failure).ConfigureAwait(false);
                return AgentExitCodes.Fault;
            }

            return Environment.ExitCode;
        }
        finally
        {
            if (host is IAsyncDisposable asyncHost)
            {
                await asyncHost.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                host?.Dispose();
            }
        }
    }

    private static Exception? FailedBackgroundService(IServiceProvider services)
    {
        foreach (var service in services.GetServices<IHostedService>())
        {
            if (service is BackgroundService { ExecuteTask: { IsFaulted: true } task })
            {
                return task.Exception.InnerExceptions.Count == 1 ? task.Exception.InnerException : task.Exception;
            }
        }

        return null;
    }

    private static Task ReportFaultAsync(TextWriter error, Exception fault)
    {
        var message = string.Join(' ', fault.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return error.WriteLineAsync($"error: the agent stopped on a fault ({fault.GetType().Name}: {message}); exit {AgentExitCodes.Fault}, so that systemd restarts it");
    }
}
