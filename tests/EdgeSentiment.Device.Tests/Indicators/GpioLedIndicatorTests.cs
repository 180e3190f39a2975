using System.Device.Gpio;
using EdgeSentiment.Core.Mood;
using EdgeSentiment.Device.Indicators;
using EdgeSentiment.Device.Pipeline;
using EdgeSentiment.Device.Tests.Fakes;

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
    public async Task Show_CaptureFault_BlinksAmberUntilTheMoodReturns()
    {
        var driver = new FakeGpioDriver();
        using var indicator = Create(driver, activeLow: false, blink: TimeSpan.FromMilliseconds(60));

        indicator.Show(Update(AudienceMood.Negative, fault: true));
        var sawOn = false;
        var sawOff = false;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!(sawOn && sawOff) && DateTime.UtcNow < deadline)
        {
            sawOn |= driver.Level(Amber) == PinValue.High;
            sawOff |= driver.Level(Amber) == PinValue.Low;
            Assert.Equal(PinValue.Low, driver.Level(Red));
            await Task.Delay(5);
        }

        Assert.True(sawOn && sawOff, "amber did not blink");

        indicator.Show(Update(AudienceMood.Negative));
        await Task.Delay(150);
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

    private static GpioLedIndicator Create(FakeGpioDriver driver, bool activeLow, TimeSpan? blink = null) =>
        new(new GpioController(driver), new GpioLedPins(Red, Amber, Green, activeLow), blink ?? TimeSpan.FromSeconds(2), TimeProvider.System);
}
