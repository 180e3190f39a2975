using System.Text.Json;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Capture;

/// <summary>
/// <c>edgesentiment devices --json</c> on ALSA devices of the test's own, in a process of its own
/// (PortAudio reads its ALSA configuration once per process).
/// </summary>
public sealed class DevicesJsonTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Devices_Json_IsAnArrayOfTheDevicesWithTheirFields()
    {
        var raw = _folder.Write("clip.f32", new byte[64000]);
        var config = _folder.Write("asoundrc", $$"""
            pcm.edgesentiment-listed-raw {
                type file
                slave.pcm "null"
                file "/dev/null"
                infile "{{raw}}"
                format "raw"
            }
            pcm.edgesentiment-listed {
                type plug
                slave {
                    pcm "edgesentiment-listed-raw"
                    format FLOAT_LE
                    rate 16000
                    channels 1
                }
            }

            """);
        var systemConfig = File.Exists("/usr/share/alsa/alsa.conf") ? "/usr/share/alsa/alsa.conf" : "/etc/alsa/alsa.conf";

        var run = await ProcessRun.OfAsync(
            ProcessRun.Dotnet,
            [ProcessRun.CliAssembly, "devices", "--json"],
            new Dictionary<string, string> { ["ALSA_CONFIG_PATH"] = $"{systemConfig}:{config}" });

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        using var document = JsonDocument.Parse(run.Out);
        var listed = document.RootElement.EnumerateArray().Single(d => d.GetProperty("name").GetString() == "edgesentiment-listed");
        Assert.Equal("ALSA", listed.GetProperty("hostApi").GetString());
        Assert.Equal(16000, listed.GetProperty("defaultSampleRate").GetDouble());
        Assert.True(listed.GetProperty("maxInputChannels").GetInt32() >= 1);
        Assert.Equal(JsonValueKind.Number, listed.GetProperty("index").ValueKind);
        Assert.Equal(JsonValueKind.False, listed.GetProperty("isDefault").ValueKind);
        Assert.Single(document.RootElement.EnumerateArray(), d => d.GetProperty("isDefault").GetBoolean());
    }
}
