using EdgeSentiment.Core.Mood;
using Microsoft.Extensions.Logging;

namespace EdgeSentiment.Device;

/// <summary>
/// Every log line the agent writes, with stable event ids so a technician can grep and alert on
/// them; the ids and their numbering are in <see cref="LogEvents"/>.
/// </summary>
internal static partial class AgentLog
{
    [LoggerMessage(EventId = LogEvents.CaptureOpened, Level = LogLevel.Information, Message = "Capturing from {Device} at {SampleRate} Hz (resampled to 16000 Hz)")]
    public static partial void CaptureOpened(this ILogger logger, string device, int sampleRate);

    [LoggerMessage(EventId = LogEvents.CaptureFailed, Level = LogLevel.Warning, Message = "Capture device unavailable: {Reason}; showing a fault and retrying until it is back")]
    public static partial void CaptureFailed(this ILogger logger, string reason);

    [LoggerMessage(EventId = LogEvents.CaptureRetrying, Level = LogLevel.Debug, Message = "Capture device still unavailable: {Reason}; next try in {Delay}")]
    public static partial void CaptureRetrying(this ILogger logger, string reason, TimeSpan delay);

    [LoggerMessage(EventId = LogEvents.CaptureRecovered, Level = LogLevel.Information, Message = "Capture device back after {Attempts} attempt(s)")]
    public static partial void CaptureRecovered(this ILogger logger, int attempts);

    [LoggerMessage(EventId = LogEvents.FileSourceStarted, Level = LogLevel.Information, Message = "Playing {File} ({Seconds:F1} s, loop {Loop}, real time {RealTime})")]
    public static partial void FileSourceStarted(this ILogger logger, string file, double seconds, bool loop, bool realTime);

    [LoggerMessage(EventId = LogEvents.CaptureOverrun, Level = LogLevel.Warning, Message = "The capture device lost audio before it was read (input overflow); {Overruns} time(s) so far")]
    public static partial void CaptureOverrun(this ILogger logger, long overruns);

    [LoggerMessage(EventId = LogEvents.PipelineStarted, Level = LogLevel.Information, Message = "Pipeline started on {Source}")]
    public static partial void PipelineStarted(this ILogger logger, string source);

    [LoggerMessage(EventId = LogEvents.PipelineStopped, Level = LogLevel.Information, Message = "Pipeline stopped: {Windows} windows, {DroppedChunks} audio chunks and {DroppedWindows} windows dropped, {Overruns} overruns")]
    public static partial void PipelineStopped(this ILogger logger, long windows, long droppedChunks, long droppedWindows, long overruns);

    [LoggerMessage(EventId = LogEvents.ClassifyFailed, Level = LogLevel.Error, Message = "Classifying a window failed; skipping it")]
    public static partial void ClassifyFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = LogEvents.AudioTapFailed, Level = LogLevel.Error, Message = "An audio tap (review booth, transcription) failed on a chunk; the mood carries on")]
    public static partial void TapFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = LogEvents.SinkFailed, Level = LogLevel.Error, Message = "Sink {Sink} failed; it keeps receiving results")]
    public static partial void SinkFailed(this ILogger logger, string sink, Exception exception);

    [LoggerMessage(EventId = LogEvents.SinkDropping, Level = LogLevel.Warning, Message = "Sink {Sink} is falling behind; {Dropped} result(s) dropped so far")]
    public static partial void SinkDropping(this ILogger logger, string sink, long dropped);

    // Debug: at Information the journal would keep a clear-text, timestamped record of the audience's moods,
    // which the store encrypts; the console indicator already shows each change on a desk.
    [LoggerMessage(EventId = LogEvents.MoodChanged, Level = LogLevel.Debug, Message = "Audience mood is now {Mood}")]
    public static partial void MoodChanged(this ILogger logger, AudienceMood mood);

    [LoggerMessage(EventId = LogEvents.SourceCrashed, Level = LogLevel.Error, Message = "Audio source {Source} stopped with an error")]
    public static partial void SourceCrashed(this ILogger logger, string source, Exception exception);

    [LoggerMessage(EventId = LogEvents.IndicatorSelected, Level = LogLevel.Information, Message = "Mood indicator: {Indicator}")]
    public static partial void IndicatorSelected(this ILogger logger, string indicator);

    [LoggerMessage(EventId = LogEvents.IndicatorFailed, Level = LogLevel.Error, Message = "Mood indicator {Indicator} failed")]
    public static partial void IndicatorFailed(this ILogger logger, string indicator, Exception exception);

    [LoggerMessage(EventId = LogEvents.GpioChipChosen, Level = LogLevel.Information, Message = "GPIO chip {Chip} chosen for {Board}")]
    public static partial void GpioChipChosen(this ILogger logger, int chip, string board);

    [LoggerMessage(EventId = LogEvents.AgentStarting, Level = LogLevel.Information, Message = "Agent starting; model {Model}")]
    public static partial void AgentStarting(this ILogger logger, string model);

    [LoggerMessage(EventId = LogEvents.AgentStopped, Level = LogLevel.Information, Message = "Agent stopped")]
    public static partial void AgentStopped(this ILogger logger);

    [LoggerMessage(EventId = LogEvents.PipelineStalled, Level = LogLevel.Warning, Message = "Pipeline made no progress for {Stalled}; withholding the watchdog ping")]
    public static partial void PipelineStalled(this ILogger logger, TimeSpan stalled);

    [LoggerMessage(EventId = LogEvents.StartFailed, Level = LogLevel.Critical, Message = "The agent cannot start: {Reason}")]
    public static partial void StartFailed(this ILogger logger, string reason);

    [LoggerMessage(EventId = LogEvents.SourceEnded, Level = LogLevel.Information, Message = "Audio source ended; stopping the agent")]
    public static partial void SourceEnded(this ILogger logger);
}
