using System.Runtime.InteropServices;
using EdgeSentiment.Device.Indicators;
using Microsoft.Extensions.Logging.Testing;

namespace EdgeSentiment.Device.Tests.Indicators;

public sealed class IndicatorFactoryTests
{
    [Fact]
    public void GpioLeds_WithoutLibgpiod_NamesTheDebianPackageToInstall()
    {
        // Only where libgpiod is absent, as on the test machines (scripts/test does not install it).
        if (NativeLibrary.TryLoad("libgpiod.so.2", out var handle))
        {
            NativeLibrary.Free(handle);
            return;
        }

        var options = new IndicatorOptions { Kind = "GpioLeds", GpioChip = 0 };

        var error = Assert.Throws<PlatformNotSupportedException>(() => IndicatorFactory.Create(options, TimeProvider.System, new FakeLogger()));

        Assert.Contains("sudo apt-get install libgpiod2", error.Message, StringComparison.Ordinal);
        Assert.Contains("Indicator:Kind", error.Message, StringComparison.Ordinal);
    }
}
