using System.Globalization;
using EdgeSentiment.Device;
using EdgeSentiment.Device.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeSentiment.Agent.Hosting;

/// <summary>
/// Pings the systemd watchdog at half its interval, but only while the pipeline makes progress:
/// a hung device read or a stuck model stops the pings and systemd restarts the service.
/// Does nothing when systemd asked for no watchdog (WATCHDOG_USEC unset).
/// </summary>
public sealed class WatchdogService : BackgroundService
{
    private static readonly ServiceState Ping = new("WATCHDOG=1");
    private readonly ISystemdNotifier _notifier;
    private readonly PipelineHeartbeat _heartbeat;
    private readonly TimeProvider _time;
    private readonly ILogger<WatchdogService> _logger;
    private readonly TimeSpan _stall;

    public WatchdogService(ISystemdNotifier notifier, PipelineHeartbeat heartbeat, IOptions<PipelineOptions> options, TimeProvider time, ILogger<WatchdogService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _notifier = notifier;
        _heartbeat = heartbeat;
        _time = time;
        _logger = logger;
        _stall = TimeSpan.FromSeconds(options.Value.StallSeconds);
    }

    /// <summary>systemd's watchdog interval from WATCHDOG_USEC, or null when there is none.</summary>
    public static TimeSpan? WatchdogInterval()
    {
        var usec = Environment.GetEnvironmentVariable("WATCHDOG_USEC");
        var pid = Environment.GetEnvironmentVariable("WATCHDOG_PID");
        if (pid is not null && pid != Environment.ProcessId.ToString(CultureInfo.InvariantCulture))
        {
            return null;
        }

        return long.TryParse(usec, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? TimeSpan.FromMicroseconds(value)
            : null;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = WatchdogInterval();
        if (!_notifier.IsEnabled || interval is null)
        {
            return;
        }

        var stalled = false;
        using var timer = new PeriodicTimer(interval.Value / 2, _time);
        try
        {
            do
            {
                var silence = _heartbeat.Silence;
                if (silence < _stall)
                {
                    _notifier.Notify(Ping);
                    stalled = false;
                }
                else if (!stalled)
                {
                    _logger.PipelineStalled(silence);
                    stalled = true;
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
