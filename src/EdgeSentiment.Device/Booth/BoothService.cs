using System.Device.Gpio;
using System.Device.Gpio.Drivers;
using EdgeSentiment.Device.Indicators;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeSentiment.Device.Booth;

/// <summary>
/// The booth for the life of the agent: reads its push button (unless <c>Booth:ButtonPin</c> is -1,
/// a desk booth driven by <c>edgesentiment booth start|stop</c>) and seals the review being
/// recorded when the agent stops, so a clean stop never loses one.
/// </summary>
public sealed class BoothService(ReviewBooth booth, IOptions<BoothOptions> options, TimeProvider time, ILogger<BoothService> logger) : BackgroundService
{
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        booth.Stop(BoothStopReason.Shutdown);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.ButtonPin < 0)
        {
            return;
        }

        BoothButton button;
        try
        {
            var chip = settings.GpioChip >= 0 ? settings.GpioChip : GpioChipLocator.Locate().Chip;
            button = new BoothButton(
                new GpioController(new LibGpiodDriver(chip)),
                settings.ButtonPin,
                settings.ButtonPullUp,
                TimeSpan.FromMilliseconds(settings.DebounceMilliseconds),
                time);
        }
        catch (Exception e) when (e is PlatformNotSupportedException or IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            BoothLog.ButtonUnavailable(logger, settings.ButtonPin, e.Message);
            return;
        }

        using (button)
        {
            await button.RunAsync(
                _ =>
                {
                    booth.Press();
                    return Task.CompletedTask;
                },
                stoppingToken).ConfigureAwait(false);
        }
    }
}
