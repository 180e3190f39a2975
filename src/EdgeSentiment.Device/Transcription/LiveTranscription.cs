using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Device.Pipeline;
using Microsoft.Extensions.Hosting;

namespace EdgeSentiment.Device.Transcription;

/// <summary>
/// Turns the live pipeline into utterances for the recogniser: as the pipeline's audio tap it keeps
/// the last seconds of audio in RAM (<see cref="AudioHistory"/>), and as a sink of the window results
/// it joins the speech windows into utterances as <c>analyze --words</c> does; each finished utterance's
/// samples are copied out and handed to the <see cref="TranscriptionWorker"/>. Audio is never written
/// anywhere. Only registered with <c>Transcription:Enabled</c>; as a hosted service it starts the
/// worker and, once the pipeline has stopped, hands it the utterance in progress and stops it.
/// </summary>
public sealed class LiveTranscription : IAudioTap, IMoodSink, IHostedService
{
    /// <summary>
    /// Audio held beyond the longest utterance: the time a window's result may take to reach this sink
    /// (the window, result and sink queues at their defaults hold well under this).
    /// </summary>
    public const double LatencySeconds = 30;

    /// <summary>The longest utterance handed to the recogniser, as <c>analyze --words</c> cuts them.</summary>
    public const double MaxUtteranceSeconds = 20;

    private readonly TranscriptionWorker _worker;
    private readonly UtteranceHandoff _handoff;
    private readonly UtteranceTracker _tracker;
    private readonly Lock _trackerGate = new();
    private DateTime _lastAt;
    private TimeSpan _lastEnd;

    public LiveTranscription(TranscriptionWorker worker, double maxUtteranceSeconds = MaxUtteranceSeconds)
    {
        ArgumentNullException.ThrowIfNull(worker);
        _worker = worker;
        _tracker = new UtteranceTracker(maxUtteranceSeconds);
        _handoff = new UtteranceHandoff(worker, new AudioHistory((int)((maxUtteranceSeconds + LatencySeconds) * worker.SampleRate)));
    }

    public string Name => "transcription";

    public void OnAudio(ReadOnlySpan<float> samples, TimeSpan streamPosition) =>
        _handoff.History.Write(samples, _handoff.SampleAt(streamPosition));

    public ValueTask HandleAsync(MoodUpdate update, CancellationToken cancellationToken)
    {
        // The microphone failed: what was heard before it is an utterance of its own.
        if (update.Window is not { } window)
        {
            Flush();
            return ValueTask.CompletedTask;
        }

        VoicedUtterance ended;
        bool any;
        lock (_trackerGate)
        {
            any = _tracker.Add(window, out ended);
            _lastAt = update.At.UtcDateTime;
            _lastEnd = window.End;
        }

        if (any)
        {
            Hand(ended, update.At.UtcDateTime, window.End);
        }

        return ValueTask.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => _worker.StartAsync(cancellationToken);

    /// <summary>After the pipeline has stopped (registered before it): the last utterance is transcribed too, then the worker stops.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        Flush();
        return _worker.StopAsync(cancellationToken);
    }

    private void Flush()
    {
        VoicedUtterance cut;
        bool any;
        DateTime lastAt;
        TimeSpan lastEnd;
        lock (_trackerGate)
        {
            any = _tracker.Flush(out cut);
            (lastAt, lastEnd) = (_lastAt, _lastEnd);
        }

        if (any)
        {
            // Dated from the last window seen, the utterance's last.
            Hand(cut, lastAt, lastEnd);
        }
    }

    // Dated from the window seen at nowUtc, which ends at stream time now.
    private void Hand(VoicedUtterance ended, DateTime nowUtc, TimeSpan now) =>
        _handoff.Hand(ended, nowUtc - (now - ended.Utterance.Start));
}
