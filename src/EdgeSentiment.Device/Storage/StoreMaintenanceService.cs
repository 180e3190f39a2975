using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeSentiment.Device.Storage;

/// <summary>
/// Opens the store when the agent starts (so a missing, unsafe or wrong key stops it at boot with
/// the reason), records starts and stops, and runs retention at the configured interval.
/// </summary>
public sealed class StoreMaintenanceService : BackgroundService
{
    private readonly IResultWriter _store;
    private readonly IStoreMaintenance _maintenance;
    private readonly ResultStoreSink _sink;
    private readonly StoreOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<StoreMaintenanceService> _logger;

    public StoreMaintenanceService(
        IResultWriter store, IStoreMaintenance maintenance, ResultStoreSink sink, IOptions<StoreOptions> options, TimeProvider time, ILogger<StoreMaintenanceService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _maintenance = maintenance;
        _sink = sink;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _store.AppendEvent(new DeviceEvent(_time.GetUtcNow().UtcDateTime, DeviceEventKind.Started, "agent started"));
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        _sink.Complete();
        _store.AppendEvent(new DeviceEvent(_time.GetUtcNow().UtcDateTime, DeviceEventKind.Stopped, "agent stopped"));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(_options.MaintenanceIntervalMinutes);
        using var timer = new PeriodicTimer(interval, _time);
        do
        {
            try
            {
                _maintenance.ApplyRetention(_time.GetUtcNow().UtcDateTime);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                StoreLog.MaintenanceFailed(_logger, e);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
