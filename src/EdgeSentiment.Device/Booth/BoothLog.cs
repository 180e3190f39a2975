using Microsoft.Extensions.Logging;

namespace EdgeSentiment.Device.Booth;

/// <summary>The booth's log messages: never audio, never what was said, never key material.</summary>
internal static partial class BoothLog
{
    [LoggerMessage(EventId = LogEvents.BoothReviewStarted, Level = LogLevel.Information, Message = "Review {Id} started ({Trigger})")]
    public static partial void Started(ILogger logger, string id, string trigger);

    [LoggerMessage(EventId = LogEvents.BoothReviewSealed, Level = LogLevel.Information, Message = "Review {Id} sealed to {Recipients} recipient(s): {Seconds:F1} s, {Bytes} bytes in the spool ({Reason})")]
    public static partial void Sealed(ILogger logger, string id, int recipients, double seconds, long bytes, BoothStopReason reason);

    [LoggerMessage(EventId = LogEvents.BoothSpoolFull, Level = LogLevel.Warning, Message = "Review refused: the spool {Folder} is full ({Used} of {Limit} bytes); reviews are kept until delivered, so deliver them (check the broker) or raise Booth:SpoolLimitMegabytes")]
    public static partial void SpoolFull(ILogger logger, string folder, long used, long limit);

    [LoggerMessage(EventId = LogEvents.BoothInterruptedRemoved, Level = LogLevel.Information, Message = "Removed {Count} file(s) of a review interrupted before it was sealed (power loss or crash)")]
    public static partial void InterruptedRemoved(ILogger logger, int count);

    [LoggerMessage(EventId = LogEvents.BoothSealFailed, Level = LogLevel.Error, Message = "Review {Id} could not be sealed and was discarded whole")]
    public static partial void SealFailed(ILogger logger, string id, Exception exception);

    [LoggerMessage(EventId = LogEvents.BoothWordsIncomplete, Level = LogLevel.Warning, Message = "Review {Id} sealed with its words incomplete ({Cause}): {Missing} of {Utterances} utterance(s) without words")]
    public static partial void WordsIncomplete(ILogger logger, string id, string cause, int missing, int utterances);

    [LoggerMessage(EventId = LogEvents.BoothSealedAtStart, Level = LogLevel.Warning, Message = "Review {Id} sealed at start with the words it had: the agent stopped while its words were awaited (power loss or crash)")]
    public static partial void SealedAtStart(ILogger logger, string id);

    [LoggerMessage(EventId = LogEvents.BoothPendingFailed, Level = LogLevel.Warning, Message = "Review {Id} waits for its words without a pending document ({Reason}): should the agent stop before they come back, the review is discarded at start; check the spool's disk")]
    public static partial void PendingFailed(ILogger logger, string id, string reason);

    [LoggerMessage(EventId = LogEvents.BoothButtonUnavailable, Level = LogLevel.Error, Message = "The booth's button on GPIO {Pin} could not be opened ({Reason}); reviews can still be started with: edgesentiment booth start. Check Booth:ButtonPin and Booth:GpioChip, or set Booth:ButtonPin to -1 for a desk booth")]
    public static partial void ButtonUnavailable(ILogger logger, int pin, string reason);
}
