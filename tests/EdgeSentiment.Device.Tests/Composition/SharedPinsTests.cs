using EdgeSentiment.Device.Booth;
using EdgeSentiment.Device.Composition;
using EdgeSentiment.Device.Indicators;

namespace EdgeSentiment.Device.Tests.Composition;

public sealed class SharedPinsTests
{
    [Fact]
    public void SharedPins_ButtonOnTheAmberLedsLine_RefusedNamingBothSettings()
    {
        var booth = new BoothOptions { Enabled = true, ButtonPin = 27 };
        var leds = new IndicatorOptions { Kind = nameof(IndicatorKind.GpioLeds) };

        var failure = Assert.Single(DeviceServices.SharedPins(booth, leds));

        Assert.Contains("Booth:ButtonPin is 27", failure, StringComparison.Ordinal);
        Assert.Contains("Indicator:", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(23, "GpioLeds")]
    [InlineData(27, "Console")]
    [InlineData(-1, "GpioLeds")]
    public void SharedPins_ButtonOffTheLedsLines_Accepted(int pin, string kind)
    {
        var booth = new BoothOptions { Enabled = true, ButtonPin = pin };

        Assert.Empty(DeviceServices.SharedPins(booth, new IndicatorOptions { Kind = kind }));
    }
}
