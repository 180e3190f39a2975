using EdgeSentiment.Core.Audio;
using EdgeSentiment.Core.Segmentation;
using EdgeSentiment.Device.Capture;
using EdgeSentiment.Device.Capture.EchoCancellation;
using EdgeSentiment.Device.Capture.PortAudio;
using EdgeSentiment.Device.Configuration;
using EdgeSentiment.Device.Pipeline;
using Microsoft.Extensions.Logging;

namespace EdgeSentiment.Device.Composition;

/// <summary>Builds the configured audio source.</summary>
public static class AudioSourceFactory
{
    /// <summary>The PortAudio opener for the configured microphone.</summary>
    public static ICaptureDeviceOpener CreateOpener(CaptureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var buffer = TimeSpan.FromMilliseconds(options.BufferMilliseconds);
        if (!options.HasReferenceDevice)
        {
            return new PortAudioDeviceOpener(options.Device, buffer, Channels(options));
        }

        // Each device delivers its one channel; the pair follows the drift between their clocks.
        var microphone = options.MicrophoneChannel - 1;
        var reference = options.ReferenceChannel - 1;
        return new PairedDeviceOpener(
            new PortAudioDeviceOpener(options.Device, buffer, new CaptureChannels(microphone, microphone)),
            new PortAudioDeviceOpener(options.ReferenceDevice, buffer, new CaptureChannels(reference, reference)),
            options.ReferenceQueueSeconds);
    }

    /// <summary>Which channel of <c>Capture:Device</c> is the microphone and which the reference, or null without a reference on that device.</summary>
    public static CaptureChannels? Channels(CaptureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.HasReference && !options.HasReferenceDevice ? new CaptureChannels(options.MicrophoneChannel - 1, options.ReferenceChannel - 1) : null;
    }

    /// <summary>The echo canceller for the configured reference, or null without one.</summary>
    public static EchoCancellerSettings? EchoCanceller(CaptureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.HasReference ? new EchoCancellerSettings { TailSeconds = options.EchoTailSeconds } : null;
    }

    /// <summary>
    /// The speech detector for the configured capture: a microphone with a soundtrack reference is set
    /// for the film, so the audience's speech is judged with the auditorium's lower level floor.
    /// </summary>
    public static SpeechDetectorSettings SpeechDetector(CaptureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.HasReference && options.SourceKind == CaptureSourceKind.Microphone
            ? SpeechDetectorSettings.Auditorium
            : SpeechDetectorSettings.Default;
    }

    /// <param name="options">The <c>Capture</c> section.</param>
    /// <param name="microphone">Gives the device opener when the source is the microphone.</param>
    /// <param name="time">Paces a recording played in real time.</param>
    /// <param name="loggers">Loggers for the source.</param>
    /// <exception cref="AudioFormatException">The configured recording is missing or unreadable.</exception>
    public static IAudioSource Create(CaptureOptions options, Func<ICaptureDeviceOpener> microphone, TimeProvider time, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(microphone);
        ArgumentNullException.ThrowIfNull(loggers);
        var chunk = TimeSpan.FromMilliseconds(options.BufferMilliseconds);
        if (options.SourceKind == CaptureSourceKind.Microphone)
        {
            return new MicrophoneSource(
                microphone(),
                $"microphone '{options.Device}'",
                TimeSpan.FromSeconds(options.FirstRetrySeconds),
                TimeSpan.FromSeconds(options.MaxRetrySeconds),
                loggers.CreateLogger<MicrophoneSource>(),
                EchoCanceller(options));
        }

        var path = DeviceConfiguration.ResolveFile(options.File);
        try
        {
            return WavFileSource.Load(path, options.Loop, options.RealTime, chunk, time, loggers.CreateLogger<WavFileSource>());
        }
        catch (AudioFormatException e)
        {
            throw SettingFailures.ForCaptureFile(path, e);
        }
    }
}
