using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Device.Transcription;

namespace EdgeSentiment.Device.Booth;

/// <summary>
/// One review from its start until its document is sealed: the recording, the windows that lie in it
/// and, with transcription, its utterances and the words that came back for them. Its state is the
/// booth's, changed only under the booth's lock; as the receiver of its utterances' words it only
/// forwards them to the booth.
/// </summary>
internal sealed class OpenReview(ReviewRecording recording, UtteranceTracker? tracker, Action<OpenReview, UtteranceAudio, TranscriptRecord?> answered)
    : IUtteranceReceiver
{
    private bool _sealed;

    public ReviewRecording Recording { get; } = recording;

    /// <summary>The review's utterance tracking; null with transcription off.</summary>
    public UtteranceTracker? Tracker { get; } = tracker;

    public List<WindowResult> Windows { get; } = [];

    public List<ReviewUtterance> Utterances { get; } = [];

    /// <summary>The stream time of the review's first sample; null until audio arrived.</summary>
    public TimeSpan? StreamStart { get; set; }

    /// <summary>The stream time just after its last sample.</summary>
    public TimeSpan StreamEnd => (StreamStart ?? TimeSpan.Zero) + Recording.Duration;

    /// <summary>Where in the review the last speech window ended.</summary>
    public TimeSpan LastSpeech { get; set; }

    /// <summary>Where in the review the last window scored so far ended: how far silence can be told.</summary>
    public TimeSpan Heard { get; set; }

    /// <summary>Utterances queued for the recogniser.</summary>
    public int Handed { get; set; }

    /// <summary>Utterances the recogniser answered for, with words or without.</summary>
    public int Answered { get; set; }

    /// <summary>Utterances that will have no words: dropped before the recogniser, failed, or dropped by it.</summary>
    public int Missing { get; set; }

    /// <summary>The audio is sealed in the spool; only the document waits.</summary>
    public bool AudioDone { get; set; }

    /// <summary>A window beyond the review's end has come: every window of the review has been seen.</summary>
    public bool CaughtUp { get; set; }

    /// <summary>The document is sealed (or the review discarded): words that come now go nowhere. Read by the worker without the booth's lock.</summary>
    public bool Sealed
    {
        get => Volatile.Read(ref _sealed);
        set => Volatile.Write(ref _sealed, value);
    }

    public bool Wants => !Sealed;

    public BoothStopReason Reason { get; set; }

    /// <summary>The bounded wait for the review's words.</summary>
    public ITimer? Wait { get; set; }

    public void Transcribed(UtteranceAudio utterance, TranscriptRecord record) => answered(this, utterance, record);

    public void NotTranscribed(UtteranceAudio utterance) => answered(this, utterance, null);
}
