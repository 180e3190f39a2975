namespace EdgeSentiment.Device.Storage;

/// <summary>
/// The live transcripts, sealed like every other record. Kept apart from <see cref="IResultReader"/>:
/// the control socket answers from that one, and transcripts are never sent over it.
/// </summary>
public interface ITranscriptStore
{
    /// <summary>Keeps one utterance's record; false (counted and logged by the store) when it could not be written.</summary>
    bool AppendTranscript(TranscriptRecord record);

    /// <summary>The records that started in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), oldest first.</summary>
    IReadOnlyList<Stored<TranscriptRecord>> ReadTranscripts(DateTime fromUtc, DateTime toUtc);
}
