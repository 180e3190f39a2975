using System.Text.Json;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Doctor;

public sealed class ConfigDirectoryTests : IDisposable
{
    private readonly DoctorFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task RelativeConfigDir_IsReadFromTheCurrentFolder()
    {
        _folder.Settings("20-leds.json", new { Indicator = new { Kind = "GpioLeds" } });
        // ProcessRun runs in the temp folder, which holds the test's folder.
        var relative = Path.GetRelativePath(Path.GetTempPath(), _folder.ConfigDirectory);
        Assert.False(Path.IsPathRooted(relative));

        var run = await ProcessRun.OfAsync(ProcessRun.Dotnet, [ProcessRun.CliAssembly, "config", "show", "--json", "--config-dir", relative]);

        using var document = JsonDocument.Parse(run.Out);
        var kind = document.RootElement.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("key").GetString() == "Indicator:Kind");
        Assert.Equal("GpioLeds", kind.GetProperty("value").GetString());
    }

    [Theory]
    [InlineData("doctor")]
    [InlineData("config", "show")]
    public void MissingConfigDir_IsAUsageErrorNamingIt(params string[] command)
    {
        var missing = _folder.PathOf("nonexistent");

        var run = CliRun.Of([.. command, "--config-dir", missing]);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith($"error: --config-dir {missing}: no such folder", run.Error, StringComparison.Ordinal);
    }
}
