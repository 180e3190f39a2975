using EdgeSentiment.Agent.Capture;
using EdgeSentiment.Agent.Capture.EchoCancellation;
using EdgeSentiment.Agent.Capture.PortAudio;
using EdgeSentiment.Core.Audio;
using Microsoft.Extensions.Logging;

namespace EdgeSentiment.Agent.Hosting;

/// <summary>Builds the configured audio source.</summary>
public static class AudioSourceFactory
{
    /// <summary>The PortAudio opener for the configured microphone.</summary>
    public static ICaptureDeviceOpener CreateOpener(CaptureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new PortAudioDeviceOpener(options.Device, TimeSpan.FromMilliseconds(options.BufferMilliseconds), Channels(options));
    }

    /// <summary>Which channel is the microphone and which the reference, or null without a reference.</summary>
    public static CaptureChannels? Channels(CaptureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.HasReference ? new CaptureChannels(options.MicrophoneChannel - 1, options.ReferenceChannel - 1) : null;
    }

    /// <summary>The echo canceller for the configured reference, or null without one.</summary>
    public static EchoCancellerSettings? EchoCanceller(CaptureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.HasReference ? new EchoCancellerSettings { TailSeconds = options.EchoTailSeconds } : null;
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

        return WavFileSource.Load(ResolveFile(options.File), options.Loop, options.RealTime, chunk, time, loggers.CreateLogger<WavFileSource>());
    }

    /// <summary>A relative path is looked up in the working folder first, then beside the program.</summary>
    public static string ResolveFile(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path))
        {
            return Path.GetFullPath(path);
        }

        var besideProgram = Path.Combine(AppContext.BaseDirectory, path);
        return File.Exists(besideProgram) ? besideProgram : Path.GetFullPath(path);
    }
}
