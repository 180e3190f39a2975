using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Device.Pipeline;
using EdgeSentiment.Device.Storage;
using Microsoft.Extensions.Logging;

namespace EdgeSentiment.Device.Booth;

/// <summary>
/// The booth's one review at a time: a press (or <c>booth start</c>) opens a review in the spool,
/// audio is appended only while it is open, and a second press, a stretch without speech or the
/// time limit seals it. Audio that arrives while no review is open is not kept anywhere: nothing
/// is recorded before the button is pressed.
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
    private readonly Lock _gate = new();
    private readonly List<WindowResult> _windows = [];
    private ReviewRecording? _recording;
    private TimeSpan? _streamStart;
    private TimeSpan _lastSpeech;
    private BoothState _state = BoothState.Idle;
    private ReviewDocument? _last;

    /// <param name="spool">Where sealed reviews wait for delivery.</param>
    /// <param name="options">The <c>Booth</c> settings: end of speech, time limit.</param>
    /// <param name="device">The device's name, in each review's id and document.</param>
    /// <param name="sampleRate">The rate of the audio the tap delivers.</param>
    /// <param name="time">The clock of the reviews' start times.</param>
    /// <param name="logger">The booth's log (events 800-805).</param>
    /// <param name="store">Where each review's fate (sealed, delivered, discarded, refused) is listed; its id, length and size, never its content.</param>
    public ReviewBooth(ReviewSpool spool, BoothOptions options, string device, int sampleRate, TimeProvider time, ILogger logger, IResultWriter? store = null)
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
        spool.ReviewDelivered += id => List(DeviceEventKind.ReviewDelivered, $"review {id} delivered to the broker and removed from the spool");
        var removed = spool.Prepare();
        if (removed > 0)
        {
            BoothLog.InterruptedRemoved(logger, removed);
            List(DeviceEventKind.ReviewDiscarded, $"{removed} file(s) of a review interrupted before it was sealed (power loss or crash) removed");
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
                return _recording?.Duration ?? TimeSpan.Zero;
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
                return _recording?.Id;
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

    /// <summary>Seals the review being recorded, if any; returns its document.</summary>
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
            if (_recording is null)
            {
                return;
            }

            _streamStart ??= streamPosition;
            try
            {
                _recording.Append(samples);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Opus.OpusEncoderException)
            {
                // Disk full or gone: the review cannot be whole, so it is discarded whole (nothing half-sealed stays).
                Discard(e);
                return;
            }

            var recorded = _recording.Duration;
            if (recorded.TotalSeconds >= _options.MaxReviewSeconds)
            {
                StopLocked(BoothStopReason.TimeLimit);
            }
            else if ((recorded - _lastSpeech).TotalSeconds >= _options.EndOfSpeechSeconds)
            {
                StopLocked(BoothStopReason.EndOfSpeech);
            }
        }
    }

    /// <summary>A classified window from the pipeline: kept for the review's document when it lies in the review.</summary>
    public void OnWindow(WindowResult window)
    {
        lock (_gate)
        {
            if (_recording is null || _streamStart is not { } start || window.Start < start)
            {
                return;
            }

            _windows.Add(window);
            if (window.IsSpeech)
            {
                _lastSpeech = window.End - start;
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
            _recording = _spool.Begin(_time.GetUtcNow(), _device, _sampleRate);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Opus.OpusEncoderException)
        {
            BoothLog.SealFailed(_logger, "(new)", e);
            SetState(BoothState.Idle);
            return _state;
        }

        _windows.Clear();
        _streamStart = null;
        _lastSpeech = TimeSpan.Zero;
        BoothLog.Started(_logger, _recording.Id, trigger);
        SetState(BoothState.Recording);
        return _state;
    }

    private ReviewDocument? StopLocked(BoothStopReason reason)
    {
        if (_recording is not { } recording)
        {
            return null;
        }

        _recording = null;
        SetState(BoothState.Idle);
        using (recording)
        {
            try
            {
                var start = _streamStart ?? TimeSpan.Zero;
                var windows = new ReviewWindow[_windows.Count];
                for (var i = 0; i < windows.Length; i++)
                {
                    windows[i] = ReviewWindow.From(_windows[i], start);
                }

                var document = recording.Complete(windows, ReviewSentiment.Of(_windows));
                BoothLog.Sealed(_logger, recording.Id, _recipients, document.DurationSeconds, recording.SealedBytes, reason);
                _last = document;
                List(DeviceEventKind.ReviewSealed, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"review {recording.Id} sealed: {document.DurationSeconds:0.0} s, {recording.SealedBytes} bytes, waiting in the spool ({reason})"));
                _spool.Announce(recording.Id);
                return document;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or Opus.OpusEncoderException)
            {
                BoothLog.SealFailed(_logger, recording.Id, e);
                List(DeviceEventKind.ReviewDiscarded, $"review {recording.Id} could not be sealed and was discarded whole: {e.Message}");
                return null;
            }
        }
    }

    private void Discard(Exception reason)
    {
        if (_recording is not { } recording)
        {
            return;
        }

        _recording = null;
        recording.Dispose();
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
