using System.Globalization;
using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Device.Pipeline;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Device.Transcription;
using Microsoft.Extensions.Logging;

namespace EdgeSentiment.Device.Booth;

/// <summary>
/// The booth's one review at a time: a press (or <c>booth start</c>) opens a review in the spool,
/// audio is appended only while it is open, and a second press, a stretch without speech or the
/// time limit seals it. Audio that arrives while no review is open is not kept anywhere: nothing
/// is recorded before the button is pressed. With transcription a review's audio also goes to a ring
/// in RAM, its utterances to the recogniser, and their words come back to that review alone: its
/// audio is sealed when it ends, its document once every utterance has come back and the windows
/// still on their way have arrived, or once <see cref="BoothOptions.WordsWaitSeconds"/> have passed;
/// meanwhile its document as it stands waits beside the audio (<see cref="ReviewRecording.WritePending"/>)
/// for the next start to seal should the agent stop first.
/// </summary>
public sealed class ReviewBooth : IAudioTap, IDisposable
{
    private readonly ReviewSpool _spool;
    private readonly BoothOptions _options;
    private readonly string _device;
    private readonly int _sampleRate;
    private readonly int _recipients;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IResultWriter? _store;
    private readonly UtteranceHandoff? _words;
    private readonly Lock _gate = new();
    private readonly List<OpenReview> _closing = [];
    private OpenReview? _recording;
    private BoothState _state = BoothState.Idle;
    private ReviewDocument? _last;

    /// <param name="spool">Where sealed reviews wait for delivery.</param>
    /// <param name="options">The <c>Booth</c> settings: end of speech, time limit.</param>
    /// <param name="device">The device's name, in each review's id and document.</param>
    /// <param name="sampleRate">The rate of the audio the tap delivers.</param>
    /// <param name="time">The clock of the reviews' start times.</param>
    /// <param name="logger">The booth's log (events 800-808).</param>
    /// <param name="store">Where each review's fate (sealed, delivered, discarded, refused) is listed; its id, length and size, never its content.</param>
    /// <param name="words">With transcription: where the reviews' utterances go to the recogniser; null leaves the words out.</param>
    public ReviewBooth(ReviewSpool spool, BoothOptions options, string device, int sampleRate, TimeProvider time, ILogger logger, IResultWriter? store = null, UtteranceHandoff? words = null)
    {
        ArgumentNullException.ThrowIfNull(spool);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _spool = spool;
        _options = options;
        _device = device;
        _sampleRate = sampleRate;
        _recipients = options.Recipients.Count;
        _time = time;
        _logger = logger;
        _store = store;
        if (words is not null && words.SampleRate != sampleRate)
        {
            throw new ArgumentException($"the recogniser takes {words.SampleRate} Hz, the booth gets {sampleRate} Hz", nameof(words));
        }

        _words = words;
        spool.ReviewDelivered += id => List(DeviceEventKind.ReviewDelivered, $"review {id} delivered to the broker and removed from the spool");
        var recovered = spool.Prepare();
        foreach (var id in recovered.SealedWithoutAllWords)
        {
            BoothLog.SealedAtStart(logger, id);
            List(DeviceEventKind.ReviewSealed, $"review {id} sealed at start with the words it had: the agent stopped while they were awaited (power loss or crash)");
        }

        if (recovered.Removed > 0)
        {
            BoothLog.InterruptedRemoved(logger, recovered.Removed);
            List(DeviceEventKind.ReviewDiscarded, $"{recovered.Removed} file(s) of a review interrupted before it was sealed (power loss or crash) removed");
        }
    }

    public BoothState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>Raised (under the booth's lock, so keep it quick) whenever <see cref="State"/> changes: the LEDs follow it.</summary>
    public event Action<BoothState>? StateChanged;

    public ReviewSpool Spool => _spool;

    /// <summary>How long the review being recorded runs so far; zero when none is.</summary>
    public TimeSpan Recorded
    {
        get
        {
            lock (_gate)
            {
                return _recording?.Recording.Duration ?? TimeSpan.Zero;
            }
        }
    }

    /// <summary>The document of the last review sealed since the agent started, if any.</summary>
    public ReviewDocument? Last
    {
        get
        {
            lock (_gate)
            {
                return _last;
            }
        }
    }

    /// <summary>The id of the review being recorded, if any.</summary>
    public string? CurrentId
    {
        get
        {
            lock (_gate)
            {
                return _recording?.Recording.Id;
            }
        }
    }

    /// <summary>Reviews whose audio is sealed and whose document still waits for their words.</summary>
    public int Closing
    {
        get
        {
            lock (_gate)
            {
                return _closing.Count;
            }
        }
    }

    /// <summary>The ids of the reviews <see cref="Closing"/> counts, oldest first.</summary>
    public IReadOnlyList<string> ClosingIds
    {
        get
        {
            lock (_gate)
            {
                return [.. _closing.Select(r => r.Recording.Id).Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>The button: starts a review when idle, seals it when recording.</summary>
    public BoothState Press()
    {
        lock (_gate)
        {
            if (_recording is not null)
            {
                StopLocked(BoothStopReason.Stopped);
                return _state;
            }

            return StartLocked("button");
        }
    }

    /// <summary>Starts a review unless one is being recorded or the spool is full.</summary>
    public BoothState Start(string trigger)
    {
        lock (_gate)
        {
            return _recording is null ? StartLocked(trigger) : _state;
        }
    }

    /// <summary>
    /// Seals the review being recorded, if any; returns its document when it is sealed now (with
    /// transcription it usually waits for its words). <see cref="BoothStopReason.Shutdown"/> also
    /// seals every document still waiting, with the words there are.
    /// </summary>
    public ReviewDocument? Stop(BoothStopReason reason)
    {
        lock (_gate)
        {
            return StopLocked(reason);
        }
    }

    /// <summary>Audio from the capture stage; <paramref name="streamPosition"/> is the time of its first sample.</summary>
    public void OnAudio(ReadOnlySpan<float> samples, TimeSpan streamPosition)
    {
        lock (_gate)
        {
            if (_recording is not { } review)
            {
                return;
            }

            review.StreamStart ??= streamPosition;
            try
            {
                review.Recording.Append(samples);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Opus.OpusEncoderException)
            {
                // Disk full or gone: the review cannot be whole, so it is discarded whole (nothing half-sealed stays).
                Discard(e);
                return;
            }

            // Only a review's audio reaches the recogniser's ring: nothing before the button there either.
            _words?.History.Write(samples, _words.SampleAt(streamPosition));
            var recorded = review.Recording.Duration;
            if (recorded.TotalSeconds >= _options.MaxReviewSeconds)
            {
                StopLocked(BoothStopReason.TimeLimit);
            }
            // Silence is what the scored windows say: the windows come a window's length and more
            // behind the audio, and counting from the audio would end a short EndOfSpeechSeconds
            // review before its first window was scored.
            else if ((review.Heard - review.LastSpeech).TotalSeconds >= _options.EndOfSpeechSeconds)
            {
                StopLocked(BoothStopReason.EndOfSpeech);
            }
        }
    }

    /// <summary>
    /// A classified window from the pipeline: kept for the review's document (and its utterances) when
    /// it lies in the review being recorded or in one whose document waits, for the windows are behind
    /// the audio; the first window past a waiting review's end says all of its windows are in.
    /// </summary>
    public void OnWindow(WindowResult window)
    {
        lock (_gate)
        {
            if (_recording is { StreamStart: { } start } review && window.Start >= start)
            {
                review.Windows.Add(window);
                review.Heard = window.End - start > review.Heard ? window.End - start : review.Heard;
                if (window.IsSpeech)
                {
                    review.LastSpeech = window.End - start;
                }

                Track(review, window);
            }

            for (var i = _closing.Count - 1; i >= 0; i--)
            {
                var closing = _closing[i];
                if (window.Start < closing.StreamEnd)
                {
                    if (window.Start >= closing.StreamStart)
                    {
                        closing.Windows.Add(window);
                        Track(closing, window);
                    }
                }
                else if (!closing.CaughtUp)
                {
                    closing.CaughtUp = true;
                    if (closing.Tracker?.Flush(out var last) == true)
                    {
                        HandWords(closing, last);
                    }

                    // Every window of the review is in: the pending document gets them all.
                    if (SealIfComplete(closing) is null)
                    {
                        KeepPending(closing);
                    }
                }
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            StopLocked(BoothStopReason.Shutdown);
        }
    }

    private BoothState StartLocked(string trigger)
    {
        if (!_spool.HasRoom())
        {
            BoothLog.SpoolFull(_logger, _spool.Folder, _spool.UsedBytes(), _spool.LimitBytes);
            List(DeviceEventKind.ReviewRefused, $"review refused ({trigger}): the spool holds {_spool.UsedBytes()} of {_spool.LimitBytes} bytes");
            SetState(BoothState.SpoolFull);
            return _state;
        }

        try
        {
            var tracker = _words is null ? null : new UtteranceTracker(LiveTranscription.MaxUtteranceSeconds);
            _recording = new OpenReview(_spool.Begin(_time.GetUtcNow(), _device, _sampleRate), tracker, Answered);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Opus.OpusEncoderException)
        {
            BoothLog.SealFailed(_logger, "(new)", e);
            SetState(BoothState.Idle);
            return _state;
        }

        BoothLog.Started(_logger, _recording.Recording.Id, trigger);
        SetState(BoothState.Recording);
        return _state;
    }

    private ReviewDocument? StopLocked(BoothStopReason reason)
    {
        var review = _recording;
        _recording = null;
        if (review is not null)
        {
            SetState(BoothState.Idle);
        }

        if (_words is null)
        {
            // Without words the document is sealed with the audio, as it always was.
            return review is null ? null : Seal(review, reason, cut: null);
        }

        ReviewDocument? document = null;
        if (review is not null)
        {
            try
            {
                review.Recording.CompleteAudio();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Opus.OpusEncoderException)
            {
                Failed(review, e);
                return null;
            }

            review.AudioDone = true;
            review.Reason = reason;
            review.CaughtUp = review.StreamStart is null;
            _closing.Add(review);
            if (reason != BoothStopReason.Shutdown)
            {
                review.Wait = _time.CreateTimer(
                    state => WaitOver((OpenReview)state!), review, TimeSpan.FromSeconds(_options.WordsWaitSeconds), Timeout.InfiniteTimeSpan);
                var sealedNow = SealIfComplete(review);
                if (sealedNow is null)
                {
                    KeepPending(review);
                }

                return sealedNow;
            }
        }

        if (reason == BoothStopReason.Shutdown)
        {
            // The agent is stopping: no document waits any longer than this; they keep the words there are.
            foreach (var closing in _closing.ToArray())
            {
                var sealedNow = Seal(closing, closing.Reason, cut: "the agent stopped");
                document = closing == review ? sealedNow : document;
            }
        }

        return document;
    }

    private void Track(OpenReview review, WindowResult window)
    {
        if (review.Tracker is { } tracker && tracker.Add(window, out var ended))
        {
            HandWords(review, ended);
        }
    }

    private void HandWords(OpenReview review, VoicedUtterance ended)
    {
        var start = review.StreamStart ?? TimeSpan.Zero;
        var startUtc = review.Recording.Started.UtcDateTime + (ended.Utterance.Start - start);

        // A window may reach past the review's end; what follows it is not the review's.
        var limit = review.AudioDone ? _words!.SampleAt(review.StreamEnd) : long.MaxValue;
        if (_words!.Hand(ended, startUtc, limit, review))
        {
            review.Handed++;
        }
        else
        {
            review.Missing++;
        }
    }

    /// <summary>The worker's answer for one of <paramref name="review"/>'s utterances (on the worker's thread).</summary>
    private void Answered(OpenReview review, UtteranceAudio utterance, TranscriptRecord? record)
    {
        lock (_gate)
        {
            if (review.Sealed)
            {
                return;
            }

            review.Answered++;
            if (record is null)
            {
                review.Missing++;
            }
            else
            {
                var start = review.StreamStart ?? TimeSpan.Zero;
                review.Utterances.Add(new ReviewUtterance(
                    Math.Round(Math.Max(0, (utterance.Utterance.Start - start).TotalSeconds), 3),
                    Math.Round(Math.Min((utterance.Utterance.End - start).TotalSeconds, review.Recording.Duration.TotalSeconds), 3),
                    record.Text,
                    record.TranscriptConfidence,
                    record.WordCount,
                    ReviewScores.From(record.Voice),
                    record.Words is { } text ? ReviewScores.From(text) : null,
                    new ReviewScores(record.FusedLabel.ToWord(), record.Fused.Negative, record.Fused.Neutral, record.Fused.Positive),
                    record.WordsUsed));
            }

            if (SealIfComplete(review) is null)
            {
                KeepPending(review);
            }
        }
    }

    /// <summary>
    /// Seals the document of a review waiting for its words as it stands, words so far, as its pending
    /// document: a power cut during the wait then costs the words still out, not the review.
    /// </summary>
    private void KeepPending(OpenReview review)
    {
        if (!review.AudioDone || review.Sealed)
        {
            return;
        }

        try
        {
            var utterances = review.Utterances.OrderBy(u => u.StartSeconds).ToList();
            var words = ReviewWords.Of(utterances, review.Missing + (review.Handed - review.Answered), complete: false);
            review.Recording.WritePending(WindowsOf(review), ReviewSentiment.Of(review.Windows), words);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not fatal: the review is still sealed whole when its words come back or the wait runs out.
            BoothLog.PendingFailed(_logger, review.Recording.Id, e.Message);
        }
    }

    private static ReviewWindow[] WindowsOf(OpenReview review)
    {
        var start = review.StreamStart ?? TimeSpan.Zero;
        var windows = new ReviewWindow[review.Windows.Count];
        for (var i = 0; i < windows.Length; i++)
        {
            windows[i] = ReviewWindow.From(review.Windows[i], start);
        }

        return windows;
    }

    private void WaitOver(OpenReview review)
    {
        lock (_gate)
        {
            if (!review.Sealed)
            {
                Seal(review, review.Reason, cut: string.Create(CultureInfo.InvariantCulture, $"the wait of {_options.WordsWaitSeconds} s ran out"));
            }
        }
    }

    private ReviewDocument? SealIfComplete(OpenReview review) =>
        review is { AudioDone: true, CaughtUp: true, Sealed: false } && review.Answered == review.Handed
            ? Seal(review, review.Reason, cut: null)
            : null;

    /// <summary>Seals the review's document (and, without words, its audio first); <paramref name="cut"/> says why its words could not all be waited for.</summary>
    private ReviewDocument? Seal(OpenReview review, BoothStopReason reason, string? cut)
    {
        review.Sealed = true;
        review.Wait?.Dispose();
        _closing.Remove(review);
        ForgetAudioWhenIdle();
        var recording = review.Recording;
        using (recording)
        {
            try
            {
                ReviewWords? words = null;
                if (_words is not null)
                {
                    // Speech whose utterance never reached the recogniser has no words either.
                    var unheard = review.Tracker?.Flush(out _) == true ? 1 : 0;
                    var pending = review.Handed - review.Answered;
                    review.Utterances.Sort((a, b) => a.StartSeconds.CompareTo(b.StartSeconds));
                    words = ReviewWords.Of(review.Utterances, review.Missing + unheard + pending, complete: cut is null);
                    if (words.Outcome == ReviewWords.Incomplete)
                    {
                        BoothLog.WordsIncomplete(_logger, recording.Id, cut ?? "utterances were dropped or failed", words.Missing, words.Missing + words.Utterances.Count);
                    }
                }
                else
                {
                    recording.CompleteAudio();
                }

                var document = recording.CompleteDocument(WindowsOf(review), ReviewSentiment.Of(review.Windows), words);
                BoothLog.Sealed(_logger, recording.Id, _recipients, document.DurationSeconds, recording.SealedBytes, reason);
                _last = document;
                List(DeviceEventKind.ReviewSealed, string.Create(CultureInfo.InvariantCulture, $"review {recording.Id} sealed: {document.DurationSeconds:0.0} s, {recording.SealedBytes} bytes, waiting in the spool ({reason})"));
                _spool.Announce(recording.Id);
                return document;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Opus.OpusEncoderException)
            {
                Failed(review, e);
                return null;
            }
        }
    }

    /// <summary>Once no review is recording or waiting for its words, their audio leaves RAM too.</summary>
    private void ForgetAudioWhenIdle()
    {
        if (_recording is null && _closing.Count == 0)
        {
            _words?.History.Clear();
        }
    }

    private void Failed(OpenReview review, Exception e)
    {
        review.Sealed = true;
        review.Recording.Dispose();
        ForgetAudioWhenIdle();
        BoothLog.SealFailed(_logger, review.Recording.Id, e);
        List(DeviceEventKind.ReviewDiscarded, $"review {review.Recording.Id} could not be sealed and was discarded whole: {e.Message}");
    }

    private void Discard(Exception reason)
    {
        if (_recording is not { } review)
        {
            return;
        }

        _recording = null;
        review.Sealed = true;
        var recording = review.Recording;
        recording.Dispose();
        ForgetAudioWhenIdle();
        BoothLog.SealFailed(_logger, recording.Id, reason);
        List(DeviceEventKind.ReviewDiscarded, $"review {recording.Id} could not be recorded and was discarded whole: {reason.Message}");
        SetState(BoothState.Idle);
    }

    private void List(DeviceEventKind kind, string detail) =>
        _store?.AppendEvent(new DeviceEvent(_time.GetUtcNow().UtcDateTime, kind, detail));

    private void SetState(BoothState state)
    {
        if (_state == state)
        {
            return;
        }

        _state = state;
        StateChanged?.Invoke(state);
    }
}
