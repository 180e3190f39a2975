using EdgeSentiment.Device.Indicators;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Device.Tests.Indicators;

public sealed class GpioChipLocatorTests
{
    [Fact]
    public void Locate_Pi4_IsChip0()
    {
        using var folder = new TempFolder();
        var model = folder.Write("model", "Raspberry Pi 4 Model B Rev 1.5\0");

        Assert.Equal((0, "Raspberry Pi 4 Model B Rev 1.5"), GpioChipLocator.Locate(model, Path.Combine(folder.Path, "bus")));
    }

    [Theory]
    [InlineData("gpiochip0")]
    [InlineData("gpiochip4")]
    public void Locate_Pi5_FindsTheRp1ChipWhateverItsNumber(string rp1)
    {
        using var folder = new TempFolder();
        var model = folder.Write("model", "Raspberry Pi 5 Model B Rev 1.0\0");
        folder.Write("bus/gpiochip10/label", "gpio-brcmstb@107d508500");
        folder.Write($"bus/{rp1}/label", "pinctrl-rp1");

        var (chip, _) = GpioChipLocator.Locate(model, Path.Combine(folder.Path, "bus"));

        Assert.Equal(int.Parse(rp1["gpiochip".Length..], System.Globalization.CultureInfo.InvariantCulture), chip);
    }

    [Fact]
    public void Locate_Pi5WithoutSysfs_AssumesTheOlderChip4()
    {
        using var folder = new TempFolder();
        var model = folder.Write("model", "Raspberry Pi 5 Model B Rev 1.0\0");

        Assert.Equal(4, GpioChipLocator.Locate(model, Path.Combine(folder.Path, "missing")).Chip);
    }
}
