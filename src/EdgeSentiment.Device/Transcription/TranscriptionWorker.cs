using System.Collections.Concurrent;
using System.Diagnostics;
using EdgeSentiment.Core.Fusion;
using EdgeSentiment.Device.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeSentiment.Device.Transcription;

/// <summary>
/// The recogniser's own loop: utterances wait in a queue bounded by their seconds of audio, each is
/// transcribed, its words scored by the text model, fused with its voice scores and stored sealed,
/// one record per utterance, or handed to the utterance's <see cref="UtteranceAudio.Receiver"/> (a
/// booth review) and not stored at all. A recogniser that falls behind makes <see cref="TryPost"/> refuse (the
/// caller drops and counts), so the pipeline never waits for it and the queue never grows past its bound.
/// The loop runs on a thread of its own and is woken directly, so a busy thread pool cannot hold it up.
/// It owns the recogniser and the text model.
/// </summary>
public sealed class TranscriptionWorker : IHostedService, IDisposable
{
    private readonly ITranscriber _transcriber;
    private readonly ITextSentiment _text;
    private readonly LateFusion _fusion;
    private readonly ITranscriptStore _store;
    private readonly TranscriptionMetrics _metrics;
    private readonly ILogger _logger;
    private readonly long _maxQueuedSamples;
    private readonly TimeSpan _drainTimeout;
    private readonly string _destination;
    private readonly ConcurrentQueue<UtteranceAudio> _queue = new();
    private readonly SemaphoreSlim _posted = new(0);
    private readonly ManualResetEventSlim _finished = new(initialState: true);
    private readonly CancellationTokenSource _stop = new();
    private long _queuedSamples;
    private volatile bool _completed;
    private bool _disposed;

    public TranscriptionWorker(
        ITranscriber transcriber,
        ITextSentiment text,
        LateFusion fusion,
        ITranscriptStore store,
        TranscriptionMetrics metrics,
        double maxQueuedSeconds,
        TimeSpan drainTimeout,
        ILogger logger,
        string destination = "the result store")
    {
        ArgumentNullException.ThrowIfNull(transcriber);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fusion);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxQueuedSeconds);
        _transcriber = transcriber;
        _text = text;
        _fusion = fusion;
        _store = store;
        _metrics = metrics;
        _logger = logger;
        _maxQueuedSamples = (long)(maxQueuedSeconds * transcriber.SampleRate);
        _drainTimeout = drainTimeout;
        _destination = destination;
    }

    /// <summary>The sample rate the recogniser takes.</summary>
    public int SampleRate => _transcriber.SampleRate;

    public TranscriptionMetrics Metrics => _metrics;

    /// <summary>Seconds of audio waiting for the recogniser.</summary>
    public double QueuedSeconds => (double)Interlocked.Read(ref _queuedSamples) / _transcriber.SampleRate;

    /// <summary>Whether <paramref name="samples"/> more samples would fit in the queue now.</summary>
    public bool HasRoomFor(int samples) => Interlocked.Read(ref _queuedSamples) + samples <= _maxQueuedSamples;

    /// <summary>Queues <paramref name="utterance"/> without waiting; false (nothing queued) when the queue has no room for it.</summary>
    public bool TryPost(UtteranceAudio utterance)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        var length = utterance.Samples.Length;
        if (_completed)
        {
            return false;
        }

        if (Interlocked.Add(ref _queuedSamples, length) > _maxQueuedSamples)
        {
            Interlocked.Add(ref _queuedSamples, -length);
            return false;
        }

        _queue.Enqueue(utterance);
        _posted.Release();
        return true;
    }

    /// <summary>Counts and logs an utterance that was not transcribed (logged at 1, 2, 4, 8, ... so a slow board does not fill the journal).</summary>
    public void CountDropped(double seconds, string reason)
    {
        var dropped = _metrics.UtteranceDropped();
        if ((dropped & (dropped - 1)) == 0)
        {
            TranscriptionLog.Dropped(_logger, seconds, reason, dropped);
        }
    }

    /// <summary>Starts the recogniser's thread.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        TranscriptionLog.Started(_logger, _transcriber.Description, _text.Description, _destination);
        _finished.Reset();
        new Thread(Loop) { IsBackground = true, Name = "transcription" }.Start();
        return Task.CompletedTask;
    }

    /// <summary>Lets the queued utterances through for the drain timeout, then drops what is left (counted).</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _completed = true;
        _posted.Release();
        try
        {
            if (!_finished.Wait(_drainTimeout, cancellationToken))
            {
                _stop.Cancel();
            }
        }
        catch (OperationCanceledException)
        {
            _stop.Cancel();
        }

        TranscriptionLog.Stopped(_logger, _metrics.Transcribed, _metrics.Dropped, _metrics.Failed);
        return Task.CompletedTask;
    }

    /// <summary>Stops the thread and frees the recogniser and the text model, which the worker owns.</summary>
    public void Dispose()
    {
        // Once: the booth's agent registers the worker as a hosted service too, and the host disposes both registrations.
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        // After a stop that already waited its drain timeout, shutting down does not wait a second time.
        var wait = _stop.IsCancellationRequested ? TimeSpan.Zero : _drainTimeout;
        _completed = true;
        _stop.Cancel();
        _posted.Release();
        if (!_finished.Wait(wait))
        {
            // Still decoding: the thread keeps using them until the process ends.
            return;
        }

        _transcriber.Dispose();
        _text.Dispose();
        _stop.Dispose();
        _posted.Dispose();
        _finished.Dispose();
    }

    private void Loop()
    {
        try
        {
            while (true)
            {
                _posted.Wait();
                if (!_queue.TryDequeue(out var utterance))
                {
                    // Woken without an utterance: only to stop, once everything queued was taken.
                    if (_completed)
                    {
                        return;
                    }

                    continue;
                }

                if (_stop.IsCancellationRequested)
                {
                    CountDropped(utterance.Seconds, "the agent stopped first");
                    utterance.Receiver?.NotTranscribed(utterance);
                }
                else if (utterance.Receiver is { Wants: false })
                {
                    // Its review was sealed without it (the wait ran out, the agent is stopping): no time is spent on it.
                    CountDropped(utterance.Seconds, "its review was sealed first");
                }
                else
                {
                    Handle(utterance);
                }

                Array.Clear(utterance.Samples);
                Interlocked.Add(ref _queuedSamples, -utterance.Samples.Length);
            }
        }
        finally
        {
            _finished.Set();
        }
    }

    private void Handle(UtteranceAudio utterance)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var transcript = _transcriber.Transcribe(utterance.Samples);
            WordsEvidence? words = transcript.WordCount > 0
                ? new WordsEvidence(_text.Classify(transcript.Text), transcript.WordCount, transcript.Confidence)
                : null;
            if (_stop.IsCancellationRequested)
            {
                // Stopped while this one was decoded: the store may be closing; it is dropped, not half written.
                CountDropped(utterance.Seconds, "the agent stopped first");
                utterance.Receiver?.NotTranscribed(utterance);
                return;
            }

            var fused = _fusion.Fuse(utterance.Voice, words);
            var record = new TranscriptRecord(
                utterance.StartUtc,
                utterance.Seconds,
                transcript.Text,
                transcript.Confidence,
                transcript.WordCount,
                utterance.Voice,
                words?.Scores,
                fused.Scores,
                fused.Label,
                fused.WordsUsed);

            // The store logs and counts a write that fails (a full disk); here it is an utterance lost.
            if (utterance.Receiver is { } receiver)
            {
                receiver.Transcribed(utterance, record);
            }
            else if (!_store.AppendTranscript(record))
            {
                _metrics.UtteranceFailed();
                return;
            }

            _metrics.UtteranceTranscribed();
            var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            TranscriptionLog.Done(_logger, utterance.Seconds, milliseconds, transcript.WordCount, fused.WordsUsed);
        }
        catch (Exception e)
        {
            // One bad utterance must not end transcription; the exception carries the engine's status, never words.
            _metrics.UtteranceFailed();
            TranscriptionLog.Failed(_logger, utterance.Seconds, e);
            utterance.Receiver?.NotTranscribed(utterance);
        }
    }
}
