using System.Text.Json;
using EdgeSentiment.Cli.Tests.Doctor;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Capture;

/// <summary><c>edgesentiment devices</c> shows the device the configuration selects, with its microphone and soundtrack reference channels.</summary>
[Collection(PortAudioTestGroup.Name)]
public sealed class DevicesSetupTests : IDisposable
{
    private readonly DoctorFolder _folder = new();

    public DevicesSetupTests(AlsaFileDevice device) => _ = device;

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Devices_AReferenceChannelIsConfigured_NamesTheMicrophoneAndTheReferenceChannels()
    {
        _folder.Settings("10-mic.json", new { Capture = new { Source = "Microphone", Device = AlsaFileDevice.AuditoriumDeviceName, MicrophoneChannel = 1, ReferenceChannel = 2 } });

        var run = CliRun.Of("devices", "--config-dir", _folder.ConfigDirectory);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.Matches($@"Capture:Device '{AlsaFileDevice.AuditoriumDeviceName}' selects \d+ '{AlsaFileDevice.AuditoriumDeviceName}' \(\d+ input channel\(s\)\):", run.Out);
        Assert.Contains("  microphone: channel 1 (Capture:MicrophoneChannel)", run.Out, StringComparison.Ordinal);
        Assert.Contains("  soundtrack reference: channel 2 (Capture:ReferenceChannel)", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("PROBLEM", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Devices_TheReferenceIsOnADeviceOfItsOwn_NamesThatDevice()
    {
        _folder.Settings("10-mic.json", new { Capture = new { Source = "Microphone", Device = AlsaFileDevice.DeviceName, MicrophoneChannel = 1, ReferenceChannel = 2, ReferenceDevice = AlsaFileDevice.AuditoriumDeviceName } });

        var run = CliRun.Of("devices", "--config-dir", _folder.ConfigDirectory);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.Contains("  microphone: channel 1 (Capture:MicrophoneChannel)", run.Out, StringComparison.Ordinal);
        Assert.Contains($"  soundtrack reference: channel 2 (Capture:ReferenceChannel) of the device Capture:ReferenceDevice '{AlsaFileDevice.AuditoriumDeviceName}' selects, its clock drift followed", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("PROBLEM", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Devices_TheChannelsAreSwapped_SaysSo()
    {
        _folder.Settings("10-mic.json", new { Capture = new { Source = "Microphone", Device = AlsaFileDevice.AuditoriumDeviceName, MicrophoneChannel = 2, ReferenceChannel = 1 } });

        var run = CliRun.Of("devices", "--config-dir", _folder.ConfigDirectory);

        Assert.Contains("  microphone: channel 2 (Capture:MicrophoneChannel)", run.Out, StringComparison.Ordinal);
        Assert.Contains("  soundtrack reference: channel 1 (Capture:ReferenceChannel)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Devices_NoReferenceChannel_SaysNoneIsConfigured()
    {
        _folder.Settings("10-mic.json", new { Capture = new { Source = "Microphone", Device = AlsaFileDevice.DeviceName } });

        var run = CliRun.Of("devices", "--config-dir", _folder.ConfigDirectory);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.Contains($"Capture:Device '{AlsaFileDevice.DeviceName}' selects ", run.Out, StringComparison.Ordinal);
        Assert.Contains("  soundtrack reference: none configured (Capture:ReferenceChannel 0)", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("(Capture:MicrophoneChannel)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Devices_NoDeviceMatches_SaysSo()
    {
        _folder.Settings("10-mic.json", new { Capture = new { Source = "Microphone", Device = "no-such-microphone" } });

        var run = CliRun.Of("devices", "--config-dir", _folder.ConfigDirectory);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.Contains("Capture:Device 'no-such-microphone' matches none of these devices", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Devices_Json_CarriesTheChannelsOnTheSelectedDeviceOnly()
    {
        _folder.Settings("10-mic.json", new { Capture = new { Source = "Microphone", Device = AlsaFileDevice.AuditoriumDeviceName, MicrophoneChannel = 1, ReferenceChannel = 2 } });

        var run = CliRun.Of("devices", "--json", "--config-dir", _folder.ConfigDirectory);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        using var document = JsonDocument.Parse(run.Out);
        var selected = Assert.Single(document.RootElement.EnumerateArray(), d => d.GetProperty("selected").GetBoolean());
        Assert.Equal(AlsaFileDevice.AuditoriumDeviceName, selected.GetProperty("name").GetString());
        Assert.Equal(1, selected.GetProperty("microphoneChannel").GetInt32());
        Assert.Equal(2, selected.GetProperty("referenceChannel").GetInt32());
        Assert.Equal(JsonValueKind.Null, selected.GetProperty("problem").ValueKind);
        var other = document.RootElement.EnumerateArray().First(d => d.GetProperty("name").GetString() == AlsaFileDevice.DeviceName);
        Assert.Equal(JsonValueKind.Null, other.GetProperty("referenceChannel").ValueKind);
    }
}
