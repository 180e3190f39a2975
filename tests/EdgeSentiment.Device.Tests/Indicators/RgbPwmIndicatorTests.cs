using EdgeSentiment.Core.Mood;
using EdgeSentiment.Device.Indicators;
using EdgeSentiment.Device.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace EdgeSentiment.Device.Tests.Indicators;

public sealed class RgbPwmIndicatorTests
{
    [Fact]
    public void Show_Moods_MixTheExpectedColours()
    {
        var (red, green, blue) = (new FakePwmChannel(), new FakePwmChannel(), new FakePwmChannel());
        using var indicator = new RgbPwmIndicator(red, green, blue, commonAnode: false, brightness: 1, TimeSpan.FromSeconds(2), new FakeTimeProvider());
        Assert.True(red.Running && green.Running && blue.Running);

        indicator.Show(GpioLedIndicatorTests.Update(AudienceMood.Negative));
        Assert.Equal((1.0, 0.0, 0.0), (red.DutyCycle, green.DutyCycle, blue.DutyCycle));

        indicator.Show(GpioLedIndicatorTests.Update(AudienceMood.Positive));
        Assert.Equal((0.0, 1.0, 0.0), (red.DutyCycle, green.DutyCycle, blue.DutyCycle));

        indicator.Show(GpioLedIndicatorTests.Update(AudienceMood.Neutral));
        Assert.Equal((1.0, 0.5, 0.0), (red.DutyCycle, green.DutyCycle, blue.DutyCycle));

        indicator.Show(GpioLedIndicatorTests.Update(AudienceMood.NoSpeech));
        Assert.True(blue.DutyCycle is > 0 and < 0.2, "no speech should be a faint glow");

        indicator.Show(GpioLedIndicatorTests.Update(AudienceMood.Film));
        Assert.True(red.DutyCycle is > 0 and < 0.2 && blue.DutyCycle is > 0 and < 0.2 && green.DutyCycle == 0, "the film should be a faint violet");
    }

    [Fact]
    public void Dispose_CommonAnode_LeavesEveryColourDarkAndStopsThePwm()
    {
        var (red, green, blue) = (new FakePwmChannel(), new FakePwmChannel(), new FakePwmChannel());
        var indicator = new RgbPwmIndicator(red, green, blue, commonAnode: true, brightness: 0.5, TimeSpan.FromSeconds(2), new FakeTimeProvider());
        indicator.Show(GpioLedIndicatorTests.Update(AudienceMood.Positive));
        Assert.Equal(0.5, green.DutyCycle, 6);

        indicator.Dispose();

        Assert.Equal((1.0, 1.0, 1.0), (red.DutyCycle, green.DutyCycle, blue.DutyCycle));
        Assert.False(red.Running || green.Running || blue.Running);
    }

    [Fact]
    public void Show_CaptureFault_BlinksEveryHalfPeriodUntilTheMoodReturns()
    {
        var (red, green, blue) = (new FakePwmChannel(), new FakePwmChannel(), new FakePwmChannel());
        var time = new FakeTimeProvider();
        var period = TimeSpan.FromSeconds(2);
        using var indicator = new RgbPwmIndicator(red, green, blue, commonAnode: false, brightness: 1, period, time);

        indicator.Show(GpioLedIndicatorTests.Update(AudienceMood.Positive, fault: true));
        var lit = new List<bool>();
        for (var i = 0; i < 6; i++)
        {
            time.Advance(period / 2);
            lit.Add(red.DutyCycle + green.DutyCycle + blue.DutyCycle > 0);
        }

        for (var i = 1; i < lit.Count; i++)
        {
            Assert.NotEqual(lit[i - 1], lit[i]);
        }

        indicator.Show(GpioLedIndicatorTests.Update(AudienceMood.Positive));
        time.Advance(period * 3);
        Assert.Equal((0.0, 1.0, 0.0), (red.DutyCycle, green.DutyCycle, blue.DutyCycle));
    }
}
