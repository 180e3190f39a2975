using System.Runtime.Versioning;
using EdgeSentiment.Cli.Doctor;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Doctor;

[UnsupportedOSPlatform("windows")]
public sealed class GpioAccessCheckTests : IDisposable
{
    private readonly DoctorBed _bed = new();
    private readonly TempFolder _root = new();

    public GpioAccessCheckTests() => _bed.Settings("10-leds.json", new { Indicator = new { Kind = "GpioLeds", GpioChip = 0 } });

    public void Dispose()
    {
        _bed.Dispose();
        _root.Dispose();
    }

    [Fact]
    public async Task ConsoleIndicator_DoesNotNeedGpio()
    {
        _bed.Settings("20-console.json", new { Indicator = new { Kind = "Console" } });

        var result = await _bed.RunAsync(new GpioAccessCheck { Root = _root.Path });

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Contains("not used", result.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingChip_FailsNamingTheNode()
    {
        var result = await _bed.RunAsync(new GpioAccessCheck { Root = _root.Path });

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains(Path.Combine(_root.Path, "dev", "gpiochip0"), result.Finding, StringComparison.Ordinal);
        Assert.Contains("Indicator:GpioChip", result.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChipInTheServicesGroup_Passes()
    {
        var node = Node(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite);
        _bed.Processes.Answer($"stat -c %G {node}", "gpio").Answer("id -nG edgesentiment", "edgesentiment");

        var result = await _bed.RunAsync(new GpioAccessCheck { Root = _root.Path });

        Assert.Equal(CheckStatus.Pass, result.Status);
        Assert.Contains("group gpio", result.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChipOnlyRootMayUse_FailsForTheServiceUser()
    {
        var node = Node(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        _bed.Processes.Answer($"stat -c %G {node}", "root").Answer("id -nG edgesentiment", "edgesentiment");

        var result = await _bed.RunAsync(new GpioAccessCheck { Root = _root.Path });

        Assert.Equal(CheckStatus.Fail, result.Status);
        Assert.Contains("edgesentiment", result.Finding, StringComparison.Ordinal);
        Assert.Contains("udev", result.Fix, StringComparison.Ordinal);
    }

    private string Node(UnixFileMode mode)
    {
        var node = _root.Touch(Path.Combine("dev", "gpiochip0"));
        File.SetUnixFileMode(node, mode);
        return node;
    }
}
