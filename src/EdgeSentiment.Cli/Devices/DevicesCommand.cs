using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using EdgeSentiment.Cli.Terminal;
using EdgeSentiment.Device.Capture.PortAudio;

namespace EdgeSentiment.Cli.Devices;

/// <summary><c>edgesentiment devices</c>: the capture devices PortAudio sees, with their default rates.</summary>
public static class DevicesCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create(CliConsole console)
    {
        var json = new Option<bool>("--json")
        {
            Description = "Print a JSON array of the devices: [{\"index\",\"name\",\"hostApi\",\"maxInputChannels\",\"defaultSampleRate\",\"isDefault\"}].",
        };
        var command = new Command("devices", "List capture devices (for Capture:Device) with their default sample rates.")
        {
            json,
        }.WithExamples(
            "edgesentiment devices",
            "edgesentiment devices --json | jq -r '.[] | select(.isDefault) | .name'");
        command.SetAction(parseResult => Run(parseResult.GetValue(json), console));
        return command;
    }

    private static int Run(bool json, CliConsole console)
    {
        IReadOnlyList<CaptureDeviceInfo> devices;
        try
        {
            using var session = new PortAudioSession();
            devices = session.ListCaptureDevices();
        }
        catch (DllNotFoundException)
        {
            console.Fail("libportaudio.so.2 was not found; install it with 'sudo apt-get install libportaudio2'.");
            return ExitCodes.Failed;
        }
        catch (PortAudioException e)
        {
            console.Fail($"PortAudio could not list devices: {e.Message}");
            return ExitCodes.Failed;
        }

        if (json)
        {
            // An empty array when there are none, so a script reads the answer the same way either way.
            console.Out.WriteLine(JsonSerializer.Serialize(devices, JsonOptions));
        }

        if (devices.Count == 0)
        {
            console.Fail("no capture devices found; plug in a microphone, check 'arecord -l', and that this user is in the 'audio' group.");
            return ExitCodes.Failed;
        }

        if (json)
        {
            return ExitCodes.Ok;
        }

        console.Out.WriteLine("  INDEX  RATE (Hz)  CH  HOST API  NAME");
        foreach (var device in devices)
        {
            console.Out.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "{0} {1,5}  {2,9:0}  {3,2}  {4,-8}  {5}",
                device.IsDefault ? "*" : " ",
                device.Index,
                device.DefaultSampleRate,
                device.MaxInputChannels,
                device.HostApi,
                device.Name));
        }

        console.Out.WriteLine("* the default input. Set Capture:Device to an index, a name, or part of a name.");
        return ExitCodes.Ok;
    }
}
