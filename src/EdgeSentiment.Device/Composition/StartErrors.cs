using EdgeSentiment.Core.Audio;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Device.Capture;
using EdgeSentiment.Device.Capture.PortAudio;
using EdgeSentiment.Device.Configuration;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Device.Storage.Sealing;
using EdgeSentiment.Device.Transcription;
using Microsoft.Extensions.Options;

namespace EdgeSentiment.Device.Composition;

/// <summary>
/// The errors that mean the configuration cannot work, as the lines the agent prints for them.
/// Only errors raised while the host is put together and started count: the same types thrown once
/// it runs are faults that a restart may cure.
/// </summary>
public static class StartErrors
{
    /// <summary>The lines describing <paramref name="exception"/>, or null when it is not a configuration error.</summary>
    public static IReadOnlyList<string>? Describe(Exception exception) => exception switch
    {
        OptionsValidationException e =>
        [
            .. e.Failures.Select(failure => $"error: {failure}"),
            $"Fix appsettings.json or {DeviceConfiguration.DefaultConfigurationDirectory}/*.json and start again.",
        ],
        SettingsFileException e => [$"error: {e.Message}"],
        StoreKeyException or StoreOpenException => [$"error: result store: {exception.Message}"],

        // InvalidOperationException: a configuration value of the wrong type, or GPIO/PWM that is not there.
        ModelLoadException or TranscriptionException or AudioFormatException or CaptureDeviceException or PortAudioException
            or InvalidOperationException or IOException or UnauthorizedAccessException or PlatformNotSupportedException => [$"error: {exception.Message}"],
        _ => null,
    };
}
