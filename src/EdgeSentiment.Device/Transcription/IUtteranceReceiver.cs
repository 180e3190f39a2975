using EdgeSentiment.Device.Storage;

namespace EdgeSentiment.Device.Transcription;

/// <summary>
/// Who takes an utterance's words instead of the result store (a booth review, whose words may be
/// kept only in its sealed document). Told exactly once per utterance the worker accepted, on the
/// worker's thread: keep it quick.
/// </summary>
public interface IUtteranceReceiver
{
    /// <summary>False once the words would come too late (the review was sealed without them): the worker skips the utterance.</summary>
    bool Wants { get; }

    /// <summary>The utterance's words, text scores and fused verdict.</summary>
    void Transcribed(UtteranceAudio utterance, TranscriptRecord record);

    /// <summary>The utterance got no words: the recogniser failed on it, or the agent stopped first.</summary>
    void NotTranscribed(UtteranceAudio utterance);
}
