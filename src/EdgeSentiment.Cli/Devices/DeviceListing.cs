using EdgeSentiment.Device.Capture.PortAudio;

namespace EdgeSentiment.Cli.Devices;

/// <summary>One capture device as <c>devices --json</c> prints it: PortAudio's view, and what the configuration reads from it.</summary>
/// <param name="Index">PortAudio's device index (a value for Capture:Device).</param>
/// <param name="Name">The device's name.</param>
/// <param name="HostApi">The host API, e.g. ALSA.</param>
/// <param name="MaxInputChannels">The input channels the device offers.</param>
/// <param name="DefaultSampleRate">The device's default rate, Hz.</param>
/// <param name="IsDefault">The system's default input.</param>
/// <param name="Selected">Capture:Device selects this device.</param>
/// <param name="MicrophoneChannel">On the selected device with a soundtrack reference: the microphone's channel (from 1); otherwise null.</param>
/// <param name="ReferenceChannel">On the selected device: the soundtrack reference's channel (from 1); null when none is configured, or on any other device.</param>
/// <param name="Problem">On the selected device: why the configured channels cannot be read from it, with the setting to change; otherwise null.</param>
public sealed record DeviceListing(
    int Index,
    string Name,
    string HostApi,
    int MaxInputChannels,
    double DefaultSampleRate,
    bool IsDefault,
    bool Selected,
    int? MicrophoneChannel,
    int? ReferenceChannel,
    string? Problem)
{
    public static DeviceListing Of(CaptureDeviceInfo device, CaptureSetup? setup)
    {
        ArgumentNullException.ThrowIfNull(device);
        var selected = setup?.Device?.Index == device.Index;
        return new DeviceListing(
            device.Index,
            device.Name,
            device.HostApi,
            device.MaxInputChannels,
            device.DefaultSampleRate,
            device.IsDefault,
            selected,
            selected ? setup!.MicrophoneChannel : null,
            selected ? setup!.ReferenceChannel : null,
            selected ? setup!.Problem : null);
    }
}
