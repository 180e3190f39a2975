using EdgeSentiment.Core.Analysis;

namespace EdgeSentiment.Device.Transcription;

/// <summary>
/// Copies an ended utterance's samples out of the <see cref="AudioHistory"/> and queues them for the
/// <see cref="TranscriptionWorker"/>, or drops and counts it when the worker is behind or the audio is
/// gone. Shared by the live transcription and the booth's reviews.
/// </summary>
public sealed class UtteranceHandoff
{
    private readonly TranscriptionWorker _worker;

    public UtteranceHandoff(TranscriptionWorker worker, AudioHistory history)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(history);
        _worker = worker;
        History = history;
    }

    /// <summary>The audio the utterances are taken from; written by whoever taps the capture.</summary>
    public AudioHistory History { get; }

    public int SampleRate => _worker.SampleRate;

    /// <summary>The stream sample at <paramref name="time"/>.</summary>
    public long SampleAt(TimeSpan time) => (long)Math.Round(time.TotalSeconds * _worker.SampleRate);

    /// <summary>
    /// Queues <paramref name="ended"/> (its audio no further than the stream sample <paramref name="endLimit"/>);
    /// false, counted as dropped, when it could not be.
    /// </summary>
    public bool Hand(VoicedUtterance ended, DateTime startUtc, long endLimit = long.MaxValue, IUtteranceReceiver? receiver = null)
    {
        var utterance = ended.Utterance;
        var seconds = utterance.Duration.TotalSeconds;
        var first = SampleAt(utterance.Start);

        // The last window may reach past the audio received (it is padded); it ends where the audio does.
        var count = (int)(Math.Min(Math.Min(SampleAt(utterance.End), History.End), endLimit) - first);
        if (count <= 0)
        {
            return false;
        }

        if (!_worker.HasRoomFor(count))
        {
            _worker.CountDropped(seconds, "the recogniser is behind");
            return false;
        }

        var samples = new float[count];
        if (!History.TryCopy(first, samples))
        {
            _worker.CountDropped(seconds, "its audio was no longer held (the pipeline is behind)");
            return false;
        }

        if (!_worker.TryPost(new UtteranceAudio(startUtc, utterance, ended.Voice, samples, receiver)))
        {
            Array.Clear(samples);
            _worker.CountDropped(seconds, "the recogniser is behind");
            return false;
        }

        return true;
    }
}
