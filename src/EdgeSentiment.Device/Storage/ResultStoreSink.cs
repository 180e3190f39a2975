using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Mood;
using EdgeSentiment.Core.Summaries;

namespace EdgeSentiment.Device.Storage;

/// <summary>
/// The pipeline's store sink: keeps each window, closes minute summaries as the clock passes them
/// and keeps the running screening session's aggregate. Never throws on store trouble.
/// </summary>
public sealed class ResultStoreSink
{
    private readonly IResultWriter _store;
    private readonly TimeProvider _time;
    private readonly MinuteAggregator _minutes = new();
    private readonly TallyBuilder _session = new();
    private readonly MoodCounter _sessionMoods = new();
    private readonly Lock _gate = new();
    private DateTime _anchorUtc;
    private TimeSpan _lastStart = TimeSpan.MinValue;
    private Guid? _sessionId;

    public ResultStoreSink(IResultWriter store, TimeProvider time)
    {
        _store = store;
        _time = time;
    }

    /// <summary>The running session's id, if one was started.</summary>
    public Guid? SessionId => _sessionId;

    /// <summary>Stores <paramref name="window"/>, seen while the indicators showed <paramref name="mood"/>.</summary>
    public ValueTask WriteAsync(WindowResult window, AudienceMood mood, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var startUtc = WallClockStart(window);
            _store.AppendWindow(startUtc, window);
            if (_sessionId is not null)
            {
                _session.Add(window);
                _sessionMoods.Add(mood);
            }

            if (_minutes.Add(startUtc, window, mood) is { } finished)
            {
                _store.AppendMinute(finished);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Starts a screening session (ending any running one); null when the store could not record it.</summary>
    public Guid? StartSession(string? title)
    {
        lock (_gate)
        {
            EndSession();
            _session.Reset();
            _sessionMoods.Reset();
            _sessionId = _store.BeginSession(_time.GetUtcNow().UtcDateTime, title);
            return _sessionId;
        }
    }

    /// <summary>
    /// Ends the running session with the aggregate of the windows seen during it and the mood shown
    /// most; the store queues its summary for publishing.
    /// </summary>
    public void EndSession()
    {
        lock (_gate)
        {
            if (_sessionId is not { } id)
            {
                return;
            }

            _store.EndSession(id, _time.GetUtcNow().UtcDateTime, _session.ToTally(), _sessionMoods.Dominant());
            _sessionId = null;
        }
    }

    /// <summary>Keeps a fault of the device (e.g. the microphone lost) as a device event.</summary>
    public void RecordFault(DateTime timeUtc, string detail) =>
        _store.AppendEvent(new DeviceEvent(timeUtc, DeviceEventKind.Fault, detail));

    /// <summary>Writes the minute in progress and ends the session, at shutdown.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            EndSession();
            if (_minutes.Flush() is { } partial)
            {
                _store.AppendMinute(partial);
            }
        }
    }

    // Window times are relative to the audio source's start; they are pinned to the wall clock at the
    // first window, and again whenever the source restarts, so stored times do not jitter with queueing.
    private DateTime WallClockStart(in WindowResult window)
    {
        if (_lastStart == TimeSpan.MinValue || window.Start < _lastStart)
        {
            _anchorUtc = _time.GetUtcNow().UtcDateTime - window.End;
        }

        _lastStart = window.Start;
        return _anchorUtc + window.Start;
    }
}
