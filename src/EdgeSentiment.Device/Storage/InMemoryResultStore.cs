using System.Text.Json;
using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Mood;
using EdgeSentiment.Core.Summaries;
using EdgeSentiment.Device.Storage.Outbox;

namespace EdgeSentiment.Device.Storage;

/// <summary>
/// A store kept in lists, for tests of the parts that write to a store; it records what it was given
/// and can be told to fail writes like a full disk.
/// </summary>
public sealed class InMemoryResultStore : IResultWriter, IResultReader, IOutbox, IStoreMaintenance, ITranscriptStore, IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<Stored<WindowResult>> _windows = [];
    private readonly List<Stored<MinuteSummary>> _minutes = [];
    private readonly List<Stored<ScreeningSession>> _sessions = [];
    private readonly List<Stored<DeviceEvent>> _events = [];
    private readonly List<Stored<TranscriptRecord>> _transcripts = [];
    private readonly List<OutboxEntry> _outbox = [];
    private long _failedWrites;

    /// <inheritdoc/>
    public event EventHandler? Enqueued;

    /// <summary>While true every write fails as it would on a full disk.</summary>
    public bool FailWrites { get; set; }

    public IReadOnlyList<Stored<WindowResult>> Windows => Snapshot(_windows);

    public IReadOnlyList<Stored<MinuteSummary>> Minutes => Snapshot(_minutes);

    public IReadOnlyList<Stored<ScreeningSession>> Sessions => Snapshot(_sessions);

    public IReadOnlyList<Stored<DeviceEvent>> Events => Snapshot(_events);

    public IReadOnlyList<Stored<TranscriptRecord>> Transcripts => Snapshot(_transcripts);

    /// <inheritdoc/>
    public long Dropped => 0;

    public bool AppendWindow(DateTime startUtc, in WindowResult window)
    {
        var stored = new Stored<WindowResult>(Guid.CreateVersion7(), startUtc, window);
        return Write(() => _windows.Add(stored));
    }

    public Guid? AppendMinute(MinuteSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var id = Guid.CreateVersion7();
        var payload = JsonSerializer.SerializeToUtf8Bytes(summary, OutboxJson.Default.MinuteSummary);
        if (!Write(() =>
        {
            _minutes.Add(new Stored<MinuteSummary>(id, summary.MinuteStartUtc, summary));
            _outbox.Add(new OutboxEntry(Guid.CreateVersion7(), summary.MinuteStartUtc, payload));
        }))
        {
            return null;
        }

        Enqueued?.Invoke(this, EventArgs.Empty);
        return id;
    }

    public Guid? BeginSession(DateTime startUtc, string? title)
    {
        var id = Guid.CreateVersion7();
        return Write(() => _sessions.Add(new Stored<ScreeningSession>(id, startUtc, new ScreeningSession(startUtc, null, title, default))))
            ? id
            : null;
    }

    public bool EndSession(Guid sessionId, DateTime endUtc, SentimentTally aggregate, AudienceMood dominantMood)
    {
        lock (_gate)
        {
            var index = _sessions.FindIndex(s => s.Id == sessionId);
            if (index < 0)
            {
                return false;
            }

            var session = _sessions[index];
            var ended = session.Value with { EndUtc = endUtc, Aggregate = aggregate, DominantMood = dominantMood };
            var payload = JsonSerializer.SerializeToUtf8Bytes(
                new SessionSummary(sessionId, ended.StartUtc, endUtc, ended.Title, aggregate, dominantMood), OutboxJson.Default.SessionSummary);
            if (!Write(() =>
            {
                _sessions[index] = session with { Value = ended };
                _outbox.Add(new OutboxEntry(Guid.CreateVersion7(), endUtc, payload, OutboxKind.Session));
            }))
            {
                return false;
            }

            Enqueued?.Invoke(this, EventArgs.Empty);
            return true;
        }
    }

    public bool AppendEvent(DeviceEvent deviceEvent)
    {
        ArgumentNullException.ThrowIfNull(deviceEvent);
        return Write(() => _events.Add(new Stored<DeviceEvent>(Guid.CreateVersion7(), deviceEvent.TimeUtc, deviceEvent)));
    }

    public IReadOnlyList<OutboxEntry> PeekOldest(int count)
    {
        lock (_gate)
        {
            return _outbox.Take(count).ToList();
        }
    }

    public int Count()
    {
        lock (_gate)
        {
            return _outbox.Count;
        }
    }

    public bool Acknowledge(Guid messageId)
    {
        lock (_gate)
        {
            return _outbox.RemoveAll(e => e.MessageId == messageId) > 0;
        }
    }

    public IReadOnlyList<Stored<WindowResult>> ReadWindows(DateTime fromUtc, DateTime toUtc) => Between(_windows, fromUtc, toUtc);

    public IReadOnlyList<Stored<MinuteSummary>> ReadMinutes(DateTime fromUtc, DateTime toUtc) => Between(_minutes, fromUtc, toUtc);

    public DateTime? FirstMinuteTime(DateTime fromUtc, DateTime toUtc)
    {
        lock (_gate)
        {
            DateTime? first = null;
            foreach (var minute in _minutes)
            {
                if (minute.TimeUtc >= fromUtc && minute.TimeUtc < toUtc && (first is null || minute.TimeUtc < first))
                {
                    first = minute.TimeUtc;
                }
            }

            return first;
        }
    }

    public IReadOnlyList<Stored<ScreeningSession>> ReadSessions(DateTime fromUtc, DateTime toUtc) => Between(_sessions, fromUtc, toUtc);

    public IReadOnlyList<Stored<DeviceEvent>> ReadEvents(DateTime fromUtc, DateTime toUtc) => Between(_events, fromUtc, toUtc);

    public bool AppendTranscript(TranscriptRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var stored = new Stored<TranscriptRecord>(Guid.CreateVersion7(), record.StartUtc, record);
        return Write(() => _transcripts.Add(stored));
    }

    public IReadOnlyList<Stored<TranscriptRecord>> ReadTranscripts(DateTime fromUtc, DateTime toUtc) => Between(_transcripts, fromUtc, toUtc);

    public RetentionReport ApplyRetention(DateTime nowUtc) => new(nowUtc, 0, 0, 0, false, 0, 0);

    public StoreStatus GetStatus()
    {
        lock (_gate)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal)
            {
                [StoreCollections.Windows] = _windows.Count,
                [StoreCollections.Minutes] = _minutes.Count,
                [StoreCollections.Sessions] = _sessions.Count,
                [StoreCollections.Events] = _events.Count,
                [StoreCollections.Transcripts] = _transcripts.Count,
                [StoreCollections.Outbox] = _outbox.Count,
            };
            return new StoreStatus("memory", "none", 0, counts, FailWrites, _failedWrites, 0, 0, 0, null);
        }
    }

    public void Dispose()
    {
    }

    private bool Write(Action write)
    {
        lock (_gate)
        {
            if (FailWrites)
            {
                _failedWrites++;
                return false;
            }

            write();
            return true;
        }
    }

    private List<Stored<T>> Snapshot<T>(List<Stored<T>> list)
    {
        lock (_gate)
        {
            return [.. list];
        }
    }

    private List<Stored<T>> Between<T>(List<Stored<T>> list, DateTime fromUtc, DateTime toUtc)
    {
        lock (_gate)
        {
            return list.Where(r => r.TimeUtc >= fromUtc && r.TimeUtc < toUtc).ToList();
        }
    }
}
