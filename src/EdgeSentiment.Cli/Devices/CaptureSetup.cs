using EdgeSentiment.Device.Capture;
using EdgeSentiment.Device.Capture.PortAudio;

namespace EdgeSentiment.Cli.Devices;

/// <summary>
/// What the configuration makes of the capture devices: the device <c>Capture:Device</c> selects and,
/// in an auditorium, which of its channels is the microphone and which the soundtrack reference.
/// </summary>
/// <param name="Selector">The value of <c>Capture:Device</c>.</param>
/// <param name="Device">The device it selects; null when none matches.</param>
/// <param name="MicrophoneChannel">The microphone's channel (from 1) with a reference; null without one, when the device is read as one microphone.</param>
/// <param name="ReferenceChannel">The soundtrack reference's channel (from 1); null when none is configured.</param>
/// <param name="IsFile">Capture:Source is File: the agent plays a recording and opens no device.</param>
/// <param name="Problem">Why the agent cannot read these channels from this device, with the setting to change; null when it can.</param>
public sealed record CaptureSetup(string Selector, CaptureDeviceInfo? Device, int? MicrophoneChannel, int? ReferenceChannel, bool IsFile, string? Problem)
{
    /// <param name="capture">The agent's capture settings.</param>
    /// <param name="device">What <see cref="PortAudioSession.FindCaptureDevice"/> found for <c>Capture:Device</c>.</param>
    /// <param name="configurationHint">Where the settings are changed, e.g. /etc/edgesentiment/*.json.</param>
    public static CaptureSetup From(CaptureOptions capture, CaptureDeviceInfo? device, string configurationHint)
    {
        ArgumentNullException.ThrowIfNull(capture);
        var isFile = string.Equals(capture.Source, nameof(CaptureSourceKind.File), StringComparison.OrdinalIgnoreCase);
        if (!capture.HasReference)
        {
            return new CaptureSetup(capture.Device, device, null, null, isFile, null);
        }

        if (capture.HasReferenceDevice)
        {
            // The reference is a channel of another device; this one needs only the microphone's.
            var problemOfMicrophone = device is not null && device.MaxInputChannels < capture.MicrophoneChannel
                ? $"'{device.Name}' has {device.MaxInputChannels} input channel(s); the microphone on channel {capture.MicrophoneChannel} (Capture:MicrophoneChannel) needs {capture.MicrophoneChannel}. "
                    + $"Set Capture:MicrophoneChannel in {configurationHint} to a channel it has."
                : null;
            return new CaptureSetup(capture.Device, device, capture.MicrophoneChannel, capture.ReferenceChannel, isFile, problemOfMicrophone) { ReferenceDevice = capture.ReferenceDevice };
        }

        var needed = Math.Max(capture.MicrophoneChannel, capture.ReferenceChannel);
        string? problem = null;
        if (device is not null && device.MaxInputChannels < needed)
        {
            problem = $"'{device.Name}' has {device.MaxInputChannels} input channel(s); the microphone on channel {capture.MicrophoneChannel} (Capture:MicrophoneChannel) "
                + $"and the soundtrack reference on channel {capture.ReferenceChannel} (Capture:ReferenceChannel) need {needed}, so the agent cannot open it. "
                + $"Set Capture:Device to an interface with at least {needed} inputs, or Capture:MicrophoneChannel and Capture:ReferenceChannel in {configurationHint} "
                + "to channels it has (Capture:ReferenceChannel 0: no reference, the film is not cancelled).";
        }

        return new CaptureSetup(capture.Device, device, capture.MicrophoneChannel, capture.ReferenceChannel, isFile, problem);
    }

    /// <summary>The value of <c>Capture:ReferenceDevice</c> when the reference is on a device of its own; null otherwise.</summary>
    public string? ReferenceDevice { get; init; }

    /// <summary>The set-up in a few lines for the technician, after the device table.</summary>
    public IEnumerable<string> Lines()
    {
        if (Device is null)
        {
            yield return $"Capture:Device '{Selector}' matches none of these devices: set it to an index, a name, or part of a name above.";
            yield break;
        }

        yield return $"Capture:Device '{Selector}' selects {Device.Index} '{Device.Name}' ({Device.MaxInputChannels} input channel(s)):";
        if (ReferenceChannel is not { } reference)
        {
            yield return "  microphone: the device, read as one input";
            yield return "  soundtrack reference: none configured (Capture:ReferenceChannel 0): the film is not cancelled; in an auditorium see docs/auditorium.md";
        }
        else
        {
            yield return $"  microphone: channel {MicrophoneChannel} (Capture:MicrophoneChannel){Missing(MicrophoneChannel ?? 1)}";
            yield return ReferenceDevice is null
                ? $"  soundtrack reference: channel {reference} (Capture:ReferenceChannel){Missing(reference)}"
                : $"  soundtrack reference: channel {reference} (Capture:ReferenceChannel) of the device Capture:ReferenceDevice '{ReferenceDevice}' selects, its clock drift followed";
        }

        if (IsFile)
        {
            yield return "  (Capture:Source is File: the agent plays Capture:File and opens no device)";
        }

        if (Problem is not null)
        {
            yield return $"PROBLEM: {Problem}";
        }
    }

    private string Missing(int channel) => channel > Device!.MaxInputChannels ? ", which the device does not have" : "";
}
