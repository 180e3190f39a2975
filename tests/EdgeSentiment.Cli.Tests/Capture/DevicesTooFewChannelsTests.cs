using System.Text.Json;
using EdgeSentiment.Cli.Tests.Doctor;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Capture;

/// <summary>
/// <c>edgesentiment devices</c> on a capture device with one input while the configuration wants a
/// soundtrack reference on a second, in a process of its own: ALSA's plug devices offer any number of
/// channels, so this device is a <c>multi</c> PCM, which offers exactly the channels bound to it.
/// </summary>
public sealed class DevicesTooFewChannelsTests : IDisposable
{
    private const string OneInput = "edgesentiment-one-input";

    private readonly DoctorFolder _folder = new();
    private readonly TempFolder _alsa = new();

    public void Dispose()
    {
        _folder.Dispose();
        _alsa.Dispose();
    }

    [Fact]
    public async Task Devices_ReferenceChannelBeyondTheDevicesInputs_FlagsItWithTheSettingsToChange()
    {
        var run = await DevicesAsync("--config-dir", _folder.ConfigDirectory);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.Contains($"'{OneInput}' (1 input channel(s)):", run.Out, StringComparison.Ordinal);
        Assert.Contains($"PROBLEM: '{OneInput}' has 1 input channel(s); the microphone on channel 1 (Capture:MicrophoneChannel) and the soundtrack reference on channel 2 (Capture:ReferenceChannel) need 2", run.Out, StringComparison.Ordinal);
        Assert.Contains($"Capture:MicrophoneChannel and Capture:ReferenceChannel in {_folder.ConfigDirectory}/*.json", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Devices_Json_ReferenceChannelBeyondTheDevicesInputs_HasTheProblemOnTheSelectedDevice()
    {
        var run = await DevicesAsync("--json", "--config-dir", _folder.ConfigDirectory);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        using var document = JsonDocument.Parse(run.Out);
        var selected = Assert.Single(document.RootElement.EnumerateArray(), d => d.GetProperty("selected").GetBoolean());
        Assert.Equal(OneInput, selected.GetProperty("name").GetString());
        Assert.Equal(1, selected.GetProperty("maxInputChannels").GetInt32());
        Assert.Equal(2, selected.GetProperty("referenceChannel").GetInt32());
        Assert.Contains("Capture:ReferenceChannel", selected.GetProperty("problem").GetString(), StringComparison.Ordinal);
    }

    private async Task<ProcessRun> DevicesAsync(params string[] arguments)
    {
        _folder.Settings("10-mic.json", new { Capture = new { Source = "Microphone", Device = OneInput, MicrophoneChannel = 1, ReferenceChannel = 2 } });
        var raw = _alsa.Write("clip.f32", new byte[64000]);
        var config = _alsa.Write("asoundrc", $$"""
            pcm.{{OneInput}}-raw {
                type file
                slave.pcm "null"
                file "/dev/null"
                infile "{{raw}}"
                format "raw"
            }
            pcm.{{OneInput}} {
                type multi
                slaves.a { pcm "{{OneInput}}-raw" channels 1 }
                bindings.0 { slave a channel 0 }
            }

            """);
        var systemConfig = File.Exists("/usr/share/alsa/alsa.conf") ? "/usr/share/alsa/alsa.conf" : "/etc/alsa/alsa.conf";
        return await ProcessRun.OfAsync(
            ProcessRun.Dotnet,
            [ProcessRun.CliAssembly, "devices", .. arguments],
            new Dictionary<string, string> { ["ALSA_CONFIG_PATH"] = $"{systemConfig}:{config}" });
    }
}
