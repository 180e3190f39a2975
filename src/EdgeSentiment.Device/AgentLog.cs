using EdgeSentiment.Core.Mood;
using Microsoft.Extensions.Logging;

namespace EdgeSentiment.Device;

/// <summary>
/// Every log line the agent writes, with stable event ids so a technician can grep and alert on
/// them: 1xx capture, 2xx pipeline, 3xx indicators, 4xx host.
/// </summary>
internal static partial class AgentLog
{
    [LoggerMessage(100, LogLevel.Information, "Capturing from {Device} at {SampleRate} Hz (resampled to 16000 Hz)")]
    public static partial void CaptureOpened(this ILogger logger, string device, int sampleRate);

    [LoggerMessage(101, LogLevel.Warning, "Capture device unavailable: {Reason}; showing a fault and retrying until it is back")]
    public static partial void CaptureFailed(this ILogger logger, string reason);

    [LoggerMessage(102, LogLevel.Debug, "Capture device still unavailable: {Reason}; next try in {Delay}")]
    public static partial void CaptureRetrying(this ILogger logger, string reason, TimeSpan delay);

    [LoggerMessage(103, LogLevel.Information, "Capture device back after {Attempts} attempt(s)")]
    public static partial void CaptureRecovered(this ILogger logger, int attempts);

    [LoggerMessage(104, LogLevel.Information, "Playing {File} ({Seconds:F1} s, loop {Loop}, real time {RealTime})")]
    public static partial void FileSourceStarted(this ILogger logger, string file, double seconds, bool loop, bool realTime);

    [LoggerMessage(105, LogLevel.Warning, "The capture device lost audio before it was read (input overflow); {Overruns} time(s) so far")]
    public static partial void CaptureOverrun(this ILogger logger, long overruns);

    [LoggerMessage(200, LogLevel.Information, "Pipeline started on {Source}")]
    public static partial void PipelineStarted(this ILogger logger, string source);

    [LoggerMessage(201, LogLevel.Information, "Pipeline stopped: {Windows} windows, {DroppedChunks} audio chunks and {DroppedWindows} windows dropped, {Overruns} overruns")]
    public static partial void PipelineStopped(this ILogger logger, long windows, long droppedChunks, long droppedWindows, long overruns);

    [LoggerMessage(202, LogLevel.Error, "Classifying a window failed; skipping it")]
    public static partial void ClassifyFailed(this ILogger logger, Exception exception);

    [LoggerMessage(203, LogLevel.Error, "Sink {Sink} failed; it keeps receiving results")]
    public static partial void SinkFailed(this ILogger logger, string sink, Exception exception);

    [LoggerMessage(204, LogLevel.Warning, "Sink {Sink} is falling behind; {Dropped} result(s) dropped so far")]
    public static partial void SinkDropping(this ILogger logger, string sink, long dropped);

    [LoggerMessage(205, LogLevel.Information, "Audience mood is now {Mood}")]
    public static partial void MoodChanged(this ILogger logger, AudienceMood mood);

    [LoggerMessage(206, LogLevel.Error, "Audio source {Source} stopped with an error")]
    public static partial void SourceCrashed(this ILogger logger, string source, Exception exception);

    [LoggerMessage(300, LogLevel.Information, "Mood indicator: {Indicator}")]
    public static partial void IndicatorSelected(this ILogger logger, string indicator);

    [LoggerMessage(301, LogLevel.Error, "Mood indicator {Indicator} failed")]
    public static partial void IndicatorFailed(this ILogger logger, string indicator, Exception exception);

    [LoggerMessage(302, LogLevel.Information, "GPIO chip {Chip} chosen for {Board}")]
    public static partial void GpioChipChosen(this ILogger logger, int chip, string board);

    [LoggerMessage(400, LogLevel.Information, "Agent starting; model {Model}")]
    public static partial void AgentStarting(this ILogger logger, string model);

    [LoggerMessage(401, LogLevel.Information, "Agent stopped")]
    public static partial void AgentStopped(this ILogger logger);

    [LoggerMessage(402, LogLevel.Warning, "Pipeline made no progress for {Stalled}; withholding the watchdog ping")]
    public static partial void PipelineStalled(this ILogger logger, TimeSpan stalled);

    [LoggerMessage(403, LogLevel.Critical, "The agent cannot start: {Reason}")]
    public static partial void StartFailed(this ILogger logger, string reason);

    [LoggerMessage(404, LogLevel.Information, "Audio source ended; stopping the agent")]
    public static partial void SourceEnded(this ILogger logger);
}
