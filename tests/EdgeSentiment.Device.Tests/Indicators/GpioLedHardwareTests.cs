using EdgeSentiment.Core.Mood;
using EdgeSentiment.Device.Indicators;
using EdgeSentiment.Device.Pipeline;
using EdgeSentiment.Testing;
using Microsoft.Extensions.Logging.Testing;

namespace EdgeSentiment.Device.Tests.Indicators;

/// <summary>Walks the real LEDs through every pattern; a person watching the board confirms them.</summary>
[Trait("Category", "Hardware")]
public sealed class GpioLedHardwareTests
{
    [HardwareFact]
    public async Task GpioLeds_EveryPattern_ShowsOnTheBoardAndEndsDark()
    {
        var options = new IndicatorOptions { Kind = nameof(IndicatorKind.GpioLeds), BlinkPeriodMilliseconds = 500 };
        using var indicator = IndicatorFactory.Create(options, TimeProvider.System, new FakeLogger());

        foreach (var mood in (AudienceMood[])[AudienceMood.Negative, AudienceMood.Neutral, AudienceMood.Positive, AudienceMood.NoSpeech])
        {
            indicator.Show(new MoodUpdate(DateTimeOffset.UtcNow, mood, false, null));
            await Task.Delay(1000);
        }

        indicator.Show(new MoodUpdate(DateTimeOffset.UtcNow, AudienceMood.NoSpeech, true, null));
        await Task.Delay(2000);
        indicator.TurnOff();
        Assert.IsType<GpioLedIndicator>(indicator);
    }
}
