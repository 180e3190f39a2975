using System.Globalization;
using EdgeSentiment.Core.Audio;
using EdgeSentiment.Device.Capture;
using EdgeSentiment.Device.Configuration;
using EdgeSentiment.Device.Pipeline;

namespace EdgeSentiment.Cli.Doctor;

/// <summary>
/// The audio input: for a microphone, the device is present and about a second of it is not silent
/// (when the running agent holds it, that is said instead); for a recording, the file reads.
/// With a soundtrack reference, the device has the channels it needs and the reference is not silent;
/// without one, input that sounds like a loud continuous programme (a film) is warned about.
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
            if (capture.HasReference && WavReader.ReadFormat(path).Channels is var channels && channels < Needed(capture))
            {
                return CheckResult.Fail(
                    Name,
                    $"recording {path} has {channels} channel(s); {Layout(capture)} need {Needed(capture)}",
                    $"play a recording with the microphone and the soundtrack on those channels, or set Capture:ReferenceChannel to 0 in {context.ConfigurationHint}");
            }

            var audio = AudioLoader.LoadMono(path, CaptureFormat.SampleRate);
            var level = AudioLevel.Measure(audio.Samples, audio.SampleRate);
            var finding = $"recording {path} reads ({audio.DurationSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s, {Db(level.RmsDbfs)} RMS); Capture:Source is File, no microphone is used";
            if (level.IsSilent)
            {
                return CheckResult.Warn(Name, $"recording {path} is silent ({Db(level.RmsDbfs)} RMS)", "play a recording with speech, or set Capture:Source to Microphone");
            }

            if (capture.HasReference)
            {
                // A recording is played mixed to mono: the reference is read and cancelled only from a microphone.
                return CheckResult.Pass(Name, $"{finding}; it is mixed to mono, Capture:ReferenceChannel {capture.ReferenceChannel} applies to a microphone");
            }

            return level.IsLoudProgramme
                ? CheckResult.Warn(Name, $"recording {path} {LoudProgramme(level)}", LoudProgrammeFix(context))
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

        string? referenceName = null;
        if (capture.HasReferenceDevice)
        {
            var fault = CheckReferenceDevice(context, capture, out referenceName);
            if (fault is not null)
            {
                return fault;
            }
        }

        if (capture.HasReference)
        {
            var channels = context.Audio.InputChannels(capture.Device);
            if (channels < Needed(capture))
            {
                return CheckResult.Fail(
                    Name,
                    $"'{name}' has {channels} input channel(s); {Layout(capture)} need {Needed(capture)}",
                    $"connect the microphone and the soundtrack feed to one interface with at least {Needed(capture)} inputs, or set Capture:MicrophoneChannel and Capture:ReferenceChannel in {context.ConfigurationHint} to channels it has (Capture:ReferenceChannel 0: no reference)");
            }
        }

        AudioLevel level;
        AudioLevel? reference = null;
        try
        {
            if (capture.HasReferenceDevice)
            {
                // Two devices: each is heard on its own channel, one after the other.
                level = context.Audio.ListenWithReference(capture.Device, capture.MicrophoneChannel, capture.MicrophoneChannel, ListenFor, cancellationToken).Microphone;
                reference = context.Audio.ListenWithReference(capture.ReferenceDevice, capture.ReferenceChannel, capture.ReferenceChannel, ListenFor, cancellationToken).Reference;
            }
            else if (capture.HasReference)
            {
                var both = context.Audio.ListenWithReference(capture.Device, capture.MicrophoneChannel, capture.ReferenceChannel, ListenFor, cancellationToken);
                (level, reference) = (both.Microphone, both.Reference);
            }
            else
            {
                level = context.Audio.Listen(capture.Device, ListenFor, cancellationToken);
            }
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

        var microphone = reference is null ? $"'{name}'" : $"'{name}' (microphone on channel {capture.MicrophoneChannel})";
        if (level.IsDigitalSilence)
        {
            return CheckResult.Fail(Name, $"{microphone} delivers only zeros (muted or disconnected)", "unmute the capture channel and raise its gain in 'alsamixer' (F4 for capture), and check the cable");
        }

        if (level.RmsDbfs < AudioLevel.SilentDbfs)
        {
            return CheckResult.Warn(Name, $"{microphone} is nearly silent: {Db(level.RmsDbfs)} RMS, peak {Db(level.PeakDbfs)} over {Seconds(level)} s", "speak near the microphone and run doctor again; if still silent, raise the capture gain in 'alsamixer'");
        }

        if (reference is not null)
        {
            var on = referenceName is null ? "" : $" of '{referenceName}' (Capture:ReferenceDevice, its clock followed)";
            var levels = $"'{name}': microphone on channel {capture.MicrophoneChannel} hears {Db(level.RmsDbfs)} RMS, soundtrack reference on channel {capture.ReferenceChannel}{on} {Db(reference.RmsDbfs)} RMS over {Seconds(level)} s";
            return reference.IsSilent
                ? CheckResult.Warn(
                    Name,
                    reference.IsDigitalSilence
                        ? $"{levels}: the reference delivers only zeros, the soundtrack feed is not connected, the channel is muted, or the device has no such channel (ALSA's plug devices offer more channels than the hardware has)"
                        : $"{levels}: the reference is silent, the soundtrack feed is not connected or the film is not playing",
                    $"wire the cinema processor's output (or a monitor feed) to input {capture.ReferenceChannel} and run doctor again while the film's sound plays; without it the film is not cancelled (docs/auditorium.md)")
                : CheckResult.Pass(Name, levels);
        }

        if (level.IsLoudProgramme)
        {
            return CheckResult.Warn(Name, $"'{name}' {LoudProgramme(level)}", LoudProgrammeFix(context));
        }

        return CheckResult.Pass(Name, $"'{name}' hears {Db(level.RmsDbfs)} RMS, peak {Db(level.PeakDbfs)} over {Seconds(level)} s");
    }

    private CheckResult? CheckReferenceDevice(DoctorContext context, CaptureOptions capture, out string? referenceName)
    {
        referenceName = context.Audio.FindDevice(capture.ReferenceDevice);
        if (referenceName is null)
        {
            return CheckResult.Fail(
                Name,
                $"no capture device matches Capture:ReferenceDevice '{capture.ReferenceDevice}'",
                $"plug in the soundtrack feed's interface and check 'arecord -l'; 'edgesentiment devices' lists what matches, then set Capture:ReferenceDevice in {context.ConfigurationHint} (empty: the reference is a channel of Capture:Device)");
        }

        var channels = context.Audio.InputChannels(capture.ReferenceDevice);
        return channels < capture.ReferenceChannel
            ? CheckResult.Fail(
                Name,
                $"'{referenceName}' (Capture:ReferenceDevice) has {channels} input channel(s); the soundtrack reference on channel {capture.ReferenceChannel} (Capture:ReferenceChannel) needs {capture.ReferenceChannel}",
                $"set Capture:ReferenceChannel in {context.ConfigurationHint} to a channel it has")
            : null;
    }

    private static int Needed(CaptureOptions capture) =>
        capture.HasReferenceDevice ? capture.MicrophoneChannel : Math.Max(capture.MicrophoneChannel, capture.ReferenceChannel);

    private static string Layout(CaptureOptions capture) =>
        capture.HasReferenceDevice
            ? $"the microphone on channel {capture.MicrophoneChannel} (Capture:MicrophoneChannel)"
            : $"the microphone on channel {capture.MicrophoneChannel} (Capture:MicrophoneChannel) and the soundtrack reference on channel {capture.ReferenceChannel} (Capture:ReferenceChannel)";

    private static string LoudProgramme(AudioLevel level) =>
        $"hears a loud continuous programme ({Db(level.RmsDbfs)} RMS, {(level.LoudBlockShare * 100).ToString("0", CultureInfo.InvariantCulture)} % of 100 ms blocks above {Db(AudioLevel.LoudBlockDbfs)}) and no soundtrack reference is configured: during a screening the device scores the film's own dialogue as the audience";

    private static string LoudProgrammeFix(DoctorContext context) =>
        $"in an auditorium wire the soundtrack to a second input of the capture device and set Capture:ReferenceChannel in {context.ConfigurationHint} (docs/auditorium.md); in a quiet room, run doctor again when nothing plays";

    private static string Seconds(AudioLevel level) => level.Seconds.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Db(double dbfs) =>
        double.IsNegativeInfinity(dbfs) ? "-inf dBFS" : dbfs.ToString("0.0", CultureInfo.InvariantCulture) + " dBFS";
}
