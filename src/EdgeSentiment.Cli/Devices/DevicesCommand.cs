using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using EdgeSentiment.Cli.Config;
using EdgeSentiment.Cli.Terminal;
using EdgeSentiment.Device.Capture.PortAudio;
using EdgeSentiment.Device.Configuration;

namespace EdgeSentiment.Cli.Devices;

/// <summary>
/// <c>edgesentiment devices [--json] [--config-dir DIR]</c>: the capture devices PortAudio sees, with their
/// default rates, and the one the agent's configuration selects with its microphone and soundtrack reference channels.
/// </summary>
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
            Description = "Print a JSON array of the devices: [{\"index\",\"name\",\"hostApi\",\"maxInputChannels\",\"defaultSampleRate\",\"isDefault\","
                + "\"selected\",\"microphoneChannel\",\"referenceChannel\",\"problem\"}]; the last four describe the device Capture:Device selects.",
        };
        var directory = ConfigDirectoryOption.Create();
        var command = new Command(
            "devices",
            "List capture devices (for Capture:Device) with their default sample rates, and show which one the configuration selects, "
            + "which channel is the microphone and which the soundtrack reference (Capture:MicrophoneChannel, Capture:ReferenceChannel).")
        {
            json,
            directory,
        }.WithExamples(
            "edgesentiment devices",
            "edgesentiment devices --json | jq -r '.[] | select(.isDefault) | .name'",
            "edgesentiment devices --json | jq '.[] | select(.selected) | {name, microphoneChannel, referenceChannel, problem}'");
        command.SetAction(parseResult => Run(parseResult.GetValue(json), parseResult.GetValue(directory), console));
        return command;
    }

    private static int Run(bool json, string? directory, CliConsole console)
    {
        AgentConfiguration? configuration = null;
        string? settingsError = null;
        try
        {
            configuration = AgentConfiguration.Load(directory);
        }
        catch (SettingsFileException e)
        {
            // The devices are still worth listing; only the set-up cannot be shown.
            settingsError = e.Message;
        }

        IReadOnlyList<CaptureDeviceInfo> devices;
        CaptureSetup? setup = null;
        try
        {
            using var session = new PortAudioSession();
            devices = session.ListCaptureDevices();
            if (configuration is not null && devices.Count > 0)
            {
                var capture = configuration.Capture;
                setup = CaptureSetup.From(capture, session.FindCaptureDevice(capture.Device), $"{configuration.Directory}/*.json");
            }
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

        if (settingsError is not null)
        {
            console.Error.WriteLine($"the agent's settings do not read, so the selected device is not shown: {settingsError}");
        }

        if (json)
        {
            // An empty array when there are none, so a script reads the answer the same way either way.
            var listings = new List<DeviceListing>(devices.Count);
            foreach (var device in devices)
            {
                listings.Add(DeviceListing.Of(device, setup));
            }

            console.Out.WriteLine(JsonSerializer.Serialize(listings, JsonOptions));
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
        if (setup is not null)
        {
            console.Out.WriteLine();
            foreach (var line in setup.Lines())
            {
                console.Out.WriteLine(line);
            }
        }

        return ExitCodes.Ok;
    }
}
