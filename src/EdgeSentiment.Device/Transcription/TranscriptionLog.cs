using Microsoft.Extensions.Logging;

namespace EdgeSentiment.Device.Transcription;

/// <summary>
/// The live transcription's log lines: counts and durations only. What was said never reaches a
/// log; it is kept sealed in the store.
/// </summary>
internal static partial class TranscriptionLog
{
    [LoggerMessage(EventId = LogEvents.TranscriptionStarted, Level = LogLevel.Information, Message = "Transcription is on: {Engine}, text model {TextModel}; transcripts are kept only sealed in {Destination}")]
    public static partial void Started(ILogger logger, string engine, string textModel, string destination);

    [LoggerMessage(EventId = LogEvents.TranscriptionDropped, Level = LogLevel.Warning, Message = "An utterance of {Seconds:F1} s was not transcribed: {Reason}; {Dropped} dropped so far")]
    public static partial void Dropped(ILogger logger, double seconds, string reason, long dropped);

    [LoggerMessage(EventId = LogEvents.TranscriptionFailed, Level = LogLevel.Error, Message = "Transcribing an utterance of {Seconds:F1} s failed; it is left out and the next one is taken")]
    public static partial void Failed(ILogger logger, double seconds, Exception exception);

    [LoggerMessage(EventId = LogEvents.TranscriptionDone, Level = LogLevel.Debug, Message = "Utterance of {Seconds:F1} s transcribed in {Milliseconds:F0} ms: {Words} word(s), words used in the verdict: {WordsUsed}")]
    public static partial void Done(ILogger logger, double seconds, double milliseconds, int words, bool wordsUsed);

    [LoggerMessage(EventId = LogEvents.TranscriptionStopped, Level = LogLevel.Information, Message = "Transcription stopped: {Transcribed} utterance(s) transcribed, {Dropped} dropped, {Failed} failed")]
    public static partial void Stopped(ILogger logger, long transcribed, long dropped, long failed);
}
