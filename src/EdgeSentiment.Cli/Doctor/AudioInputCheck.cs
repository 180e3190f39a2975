using System.Globalization;
using EdgeSentiment.Core.Audio;
using EdgeSentiment.Device.Capture;
using EdgeSentiment.Device.Configuration;
using EdgeSentiment.Device.Pipeline;

namespace EdgeSentiment.Cli.Doctor;

/// <summary>
/// The audio input: for a microphone, the device is present and about a second of it is not silent
/// (when the running agent holds it, that is said instead); for a recording, the file reads.
/// </summary>
public sealed class AudioInputCheck : IDoctorCheck
{
    private static readonly TimeSpan ListenFor = TimeSpan.FromSeconds(1);

    public string Name => "audio";

    public Task<CheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var capture = context.Configuration.Capture;
        if (!Enum.TryParse<CaptureSourceKind>(capture.Source, ignoreCase: true, out var kind))
        {
            return Task.FromResult(CheckResult.Fail(Name, $"Capture:Source '{capture.Source}' is neither File nor Microphone", $"set Capture:Source in {context.ConfigurationHint}"));
        }

        return Task.FromResult(kind == CaptureSourceKind.File ? CheckFile(context, capture) : CheckMicrophone(context, capture, cancellationToken));
    }

    private CheckResult CheckFile(DoctorContext context, CaptureOptions capture)
    {
        var path = DeviceConfiguration.ResolveFile(capture.File);
        try
        {
            var audio = AudioLoader.LoadMono(path, CaptureFormat.SampleRate);
            var level = AudioLevel.Measure(audio.Samples, audio.SampleRate);
            var finding = $"recording {path} reads ({audio.DurationSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s, {Db(level.RmsDbfs)} RMS); Capture:Source is File, no microphone is used";
            return level.IsDigitalSilence || level.RmsDbfs < AudioLevel.SilentDbfs
                ? CheckResult.Warn(Name, $"recording {path} is silent ({Db(level.RmsDbfs)} RMS)", "play a recording with speech, or set Capture:Source to Microphone")
                : CheckResult.Pass(Name, finding);
        }
        catch (Exception e) when (e is AudioFormatException or IOException or UnauthorizedAccessException)
        {
            return CheckResult.Fail(Name, $"recording {path} does not read: {e.Message}", $"set Capture:File in {context.ConfigurationHint} to a readable WAV file");
        }
    }

    private CheckResult CheckMicrophone(DoctorContext context, CaptureOptions capture, CancellationToken cancellationToken)
    {
        string? name;
        try
        {
            name = context.Audio.FindDevice(capture.Device);
        }
        catch (CaptureDeviceException e)
        {
            return CheckResult.Fail(Name, e.Message, "install PortAudio with 'sudo apt-get install libportaudio2'");
        }

        if (name is null)
        {
            return CheckResult.Fail(
                Name,
                $"no capture device matches Capture:Device '{capture.Device}'",
                $"plug in the microphone and check 'arecord -l'; 'edgesentiment devices' lists what matches, then set Capture:Device in {context.ConfigurationHint}");
        }

        AudioLevel level;
        try
        {
            level = context.Audio.Listen(capture.Device, ListenFor, cancellationToken);
        }
        catch (CaptureDeviceException e)
        {
            if (context.AgentHolder is { } agent)
            {
                var heard = context.AgentStatus?.InputLevelDbfs is { } dbfs ? $", which hears {Db(dbfs)}" : "";
                return CheckResult.Pass(Name, $"'{name}' is present and in use by the running agent (pid {agent.ProcessId}{heard}); not measured here");
            }

            return CheckResult.Fail(Name, $"'{name}' would not open: {e.Message}", "close any other program using it ('fuser -v /dev/snd/*'), and check this user is in the 'audio' group");
        }

        if (level.IsDigitalSilence)
        {
            return CheckResult.Fail(Name, $"'{name}' delivers only zeros (muted or disconnected)", "unmute the capture channel and raise its gain in 'alsamixer' (F4 for capture), and check the cable");
        }

        if (level.RmsDbfs < AudioLevel.SilentDbfs)
        {
            return CheckResult.Warn(Name, $"'{name}' is nearly silent: {Db(level.RmsDbfs)} RMS, peak {Db(level.PeakDbfs)} over {level.Seconds.ToString("0.0", CultureInfo.InvariantCulture)} s", "speak near the microphone and run doctor again; if still silent, raise the capture gain in 'alsamixer'");
        }

        return CheckResult.Pass(Name, $"'{name}' hears {Db(level.RmsDbfs)} RMS, peak {Db(level.PeakDbfs)} over {level.Seconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
    }

    private static string Db(double dbfs) =>
        double.IsNegativeInfinity(dbfs) ? "-inf dBFS" : dbfs.ToString("0.0", CultureInfo.InvariantCulture) + " dBFS";
}
