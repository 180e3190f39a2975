using System.Device.Gpio;
using EdgeSentiment.Core.Mood;
using EdgeSentiment.Device.Indicators;
using EdgeSentiment.Device.Pipeline;
using EdgeSentiment.Device.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace EdgeSentiment.Device.Tests.Indicators;

public sealed class GpioLedIndicatorTests
{
    private const int Red = 17;
    private const int Amber = 27;
    private const int Green = 22;

    [Theory]
    [InlineData(AudienceMood.Negative, true, false, false)]
    [InlineData(AudienceMood.Neutral, false, true, false)]
    [InlineData(AudienceMood.Positive, false, false, true)]
    [InlineData(AudienceMood.NoSpeech, false, false, false)]
    [InlineData(AudienceMood.Film, false, false, false)]
    public void Show_EachMood_LightsItsOwnLed(AudienceMood mood, bool red, bool amber, bool green)
    {
        var driver = new FakeGpioDriver();
        using var indicator = Create(driver, activeLow: false);

        indicator.Show(Update(mood));

        Assert.Equal(red, driver.Level(Red) == PinValue.High);
        Assert.Equal(amber, driver.Level(Amber) == PinValue.High);
        Assert.Equal(green, driver.Level(Green) == PinValue.High);
    }

    [Fact]
    public void ShowPattern_BoothRecording_LightsEveryLed()
    {
        var driver = new FakeGpioDriver();
        using var indicator = Create(driver, activeLow: false);

        indicator.ShowPattern(LedPattern.Recording);

        Assert.All((int[])[Red, Amber, Green], pin => Assert.Equal(PinValue.High, driver.Level(pin)));
    }

    [Fact]
    public void Show_ActiveLow_DrivesTheLitLedLowAndTheOthersHigh()
    {
        var driver = new FakeGpioDriver();
        using var indicator = Create(driver, activeLow: true);

        indicator.Show(Update(AudienceMood.Positive));

        Assert.Equal(PinValue.Low, driver.Level(Green));
        Assert.Equal(PinValue.High, driver.Level(Red));
        Assert.Equal(PinValue.High, driver.Level(Amber));
    }

    [Fact]
    public void Show_CaptureFault_BlinksAmberEveryHalfPeriodUntilTheMoodReturns()
    {
        var driver = new FakeGpioDriver();
        var time = new FakeTimeProvider();
        var period = TimeSpan.FromSeconds(2);
        using var indicator = Create(driver, activeLow: false, period, time);

        indicator.Show(Update(AudienceMood.Negative, fault: true));
        var amber = new List<PinValue>();
        for (var i = 0; i < 6; i++)
        {
            time.Advance(period / 2);
            amber.Add(driver.Level(Amber));
            Assert.Equal(PinValue.Low, driver.Level(Red));
            Assert.Equal(PinValue.Low, driver.Level(Green));
        }

        for (var i = 1; i < amber.Count; i++)
        {
            Assert.NotEqual(amber[i - 1], amber[i]);
        }

        indicator.Show(Update(AudienceMood.Negative));
        time.Advance(period * 3);
        Assert.Equal(PinValue.High, driver.Level(Red));
        Assert.Equal(PinValue.Low, driver.Level(Amber));
    }

    [Fact]
    public void Dispose_TurnsEveryLedOffAndReleasesTheController()
    {
        var driver = new FakeGpioDriver();
        var indicator = Create(driver, activeLow: true);
        indicator.Show(Update(AudienceMood.Neutral));

        indicator.Dispose();

        Assert.Equal(PinValue.High, driver.Level(Red));
        Assert.Equal(PinValue.High, driver.Level(Amber));
        Assert.Equal(PinValue.High, driver.Level(Green));
        Assert.True(driver.Disposed);
    }

    [Fact]
    public void Show_SameMoodAgain_DoesNotRewriteThePins()
    {
        var driver = new FakeGpioDriver();
        using var indicator = Create(driver, activeLow: false);
        indicator.Show(Update(AudienceMood.Positive));
        var writes = driver.Writes;

        indicator.Show(Update(AudienceMood.Positive));

        Assert.Equal(writes, driver.Writes);
    }

    internal static MoodUpdate Update(AudienceMood mood, bool fault = false) => new(DateTimeOffset.UnixEpoch, mood, fault, null);

    private static GpioLedIndicator Create(FakeGpioDriver driver, bool activeLow, TimeSpan? blink = null, TimeProvider? time = null) =>
        new(new GpioController(driver), new GpioLedPins(Red, Amber, Green, activeLow), blink ?? TimeSpan.FromSeconds(2), time ?? new FakeTimeProvider());
}
