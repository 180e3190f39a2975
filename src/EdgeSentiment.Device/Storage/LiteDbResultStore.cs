using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Mood;
using EdgeSentiment.Core.Summaries;
using EdgeSentiment.Device.Storage.Outbox;
using EdgeSentiment.Device.Storage.Sealing;
using LiteDB;
using Microsoft.Extensions.Logging;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace EdgeSentiment.Device.Storage;

/// <summary>
/// The result store on a LiteDB file with every payload sealed by AES-256-GCM. One writer: the file
/// is locked while it is open. I/O failures (a full disk) are ridden out by <see cref="StoreConnection"/>;
/// the summaries that could not be written wait in memory (bounded) and are written under the same
/// ids once writes succeed again.
/// </summary>
public sealed class LiteDbResultStore : IResultWriter, IResultReader, IOutbox, IStoreMaintenance, ITranscriptStore, IDisposable
{
    // Four hours of minutes wait in memory for the disk; past that the oldest go, counted and logged.
    /// <summary>Minute summaries kept in memory while writes fail; beyond it the oldest is dropped and counted.</summary>
    public const int PendingMinutesLimit = 240;
    private static readonly TimeSpan DropLogInterval = TimeSpan.FromHours(1);

    // One transaction per window would journal several 8 KB pages every two seconds, gigabytes a day
    // on an SD card; windows are batched (at most a minute of them is lost in a crash, and no window
    // is ever acknowledged to anyone), while summaries commit one by one.
    private const int WindowBatch = 30;

    private readonly Lock _gate = new();
    private readonly StoreOptions _options;
    private readonly RecordSealer _sealer;
    private readonly DatabaseLock _lock;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly StoreConnection _connection;
    private readonly StoreMetrics _metrics;
    private readonly Queue<PendingMinute> _pendingMinutes = new();
    private readonly HashSet<Guid> _tampered = [];
    private readonly List<(Guid Id, DateTime StartUtc, byte[] Payload)> _windowBatch = new(WindowBatch);
    private long _droppedWindows;
    private long _droppedSummaries;
    private long _droppedSummariesUnlogged;
    private DateTimeOffset? _lastDropLogged;
    private long _outboxDropped;
    private RetentionReport? _lastRetention;
    private bool _disposed;

    private LiteDbResultStore(
        StoreOptions options, RecordSealer sealer, DatabaseLock fileLock, StoreConnection connection, long outboxDropped, ILogger logger, TimeProvider time, IMeterFactory? meterFactory)
    {
        _metrics = new StoreMetrics(meterFactory);
        _options = options;
        _sealer = sealer;
        _lock = fileLock;
        _connection = connection;
        _outboxDropped = outboxDropped;
        _logger = logger;
        _time = time;
    }

    /// <summary>
    /// Opens (or creates) the database at <see cref="StoreOptions.DatabasePath"/> for <paramref name="key"/>.
    /// Throws <see cref="StoreKeyException"/> for a wrong key and <see cref="StoreOpenException"/> when the
    /// file is held or unreadable; in both cases the file is left as it is.
    /// </summary>
    public static LiteDbResultStore Open(StoreOptions options, StoreKey key, string keyPath, ILogger logger, TimeProvider time, IMeterFactory? meterFactory = null) =>
        Open(options, key, keyPath, logger, time, meterFactory, readOnly: false);

    /// <summary>
    /// Opens the existing database at <see cref="StoreOptions.DatabasePath"/> to read it, never writing
    /// the file (a damaged one stays the evidence it is); writes through this store fail and are counted.
    /// Throws as <see cref="Open(StoreOptions, StoreKey, string, ILogger, TimeProvider, IMeterFactory?)"/>.
    /// </summary>
    public static LiteDbResultStore OpenReadOnly(StoreOptions options, StoreKey key, string keyPath, ILogger logger, TimeProvider time) =>
        Open(options, key, keyPath, logger, time, meterFactory: null, readOnly: true);

    private static LiteDbResultStore Open(
        StoreOptions options, StoreKey key, string keyPath, ILogger logger, TimeProvider time, IMeterFactory? meterFactory, bool readOnly)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(key);
        var path = options.DatabasePath;
        var fileLock = DatabaseLock.Acquire(path);
        RecordSealer? sealer = null;
        LiteDatabase? db = null;
        try
        {
            sealer = new RecordSealer(key);
            db = StoreConnection.OpenVerified(path, key.Id, keyPath, readOnly);
            var outboxDropped = StoreFile.ReadOutboxDropped(db);
            var connection = new StoreConnection(db, path, key.Id, keyPath, logger, time, readOnly);
            var store = new LiteDbResultStore(options, sealer, fileLock, connection, outboxDropped, logger, time, meterFactory);
            StoreLog.Opened(logger, path, key.Id);
            return store;
        }
        catch
        {
            db?.Dispose();
            sealer?.Dispose();
            fileLock.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public event EventHandler? Enqueued;

    /// <inheritdoc/>
    public long Dropped
    {
        get
        {
            lock (_gate)
            {
                return _outboxDropped;
            }
        }
    }

    public bool AppendWindow(DateTime startUtc, in WindowResult window)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(window, StoreJson.Default.WindowResult);
        lock (_gate)
        {
            _windowBatch.Add((Guid.CreateVersion7(), startUtc, payload));
            return _windowBatch.Count < WindowBatch || FlushWindows();
        }
    }

    public Guid? AppendMinute(MinuteSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var pending = new PendingMinute(Guid.CreateVersion7(), Guid.CreateVersion7(), summary);
        lock (_gate)
        {
            FlushWindows();
            if (TryWrite(db => WriteMinute(db, pending)))
            {
                return pending.SummaryId;
            }

            // Kept for the next successful write, under the same ids so a retry can never duplicate it.
            if (_pendingMinutes.Count == PendingMinutesLimit)
            {
                _pendingMinutes.Dequeue();
                CountDroppedSummary();
            }

            _pendingMinutes.Enqueue(pending);
            return null;
        }
    }

    public Guid? BeginSession(DateTime startUtc, string? title)
    {
        var id = Guid.CreateVersion7();
        var session = new ScreeningSession(startUtc, null, title, default);
        var payload = JsonSerializer.SerializeToUtf8Bytes(session, StoreJson.Default.ScreeningSession);
        return TryWrite(db => Collection(db, StoreCollections.Sessions).Upsert(id, startUtc, payload)) ? id : null;
    }

    public bool EndSession(Guid sessionId, DateTime endUtc, SentimentTally aggregate, AudienceMood dominantMood)
    {
        lock (_gate)
        {
            var started = Read(db =>
            {
                var sessions = Collection(db, StoreCollections.Sessions);
                var document = sessions.Documents.FindById(sessionId);
                var session = document is null ? null : Decode(sessions, document, StoreJson.Default.ScreeningSession);
                return session is null ? new List<ScreeningSession>() : [session];
            });
            if (started.Count == 0)
            {
                return false;
            }

            var ended = started[0] with { EndUtc = endUtc, Aggregate = aggregate, DominantMood = dominantMood };
            var stored = JsonSerializer.SerializeToUtf8Bytes(ended, StoreJson.Default.ScreeningSession);
            var published = JsonSerializer.SerializeToUtf8Bytes(
                new SessionSummary(sessionId, ended.StartUtc, endUtc, ended.Title, aggregate, dominantMood), OutboxJson.Default.SessionSummary);
            return TryWrite(db =>
            {
                db.BeginTrans();
                try
                {
                    // Like a minute: the ended session and its outbox entry commit together.
                    Collection(db, StoreCollections.Sessions).Upsert(sessionId, ended.StartUtc, stored);
                    var dropped = Enqueue(db, Guid.CreateVersion7(), published, OutboxKind.Session);
                    db.Commit();
                    CountDropped(dropped);
                    Enqueued?.Invoke(this, EventArgs.Empty);
                }
                catch
                {
                    StoreConnection.TryRollback(db);
                    throw;
                }
            });
        }
    }

    public bool AppendEvent(DeviceEvent deviceEvent)
    {
        ArgumentNullException.ThrowIfNull(deviceEvent);
        var payload = JsonSerializer.SerializeToUtf8Bytes(deviceEvent.Detail, StoreJson.Default.String);
        return TryWrite(db => Collection(db, StoreCollections.Events)
            .Upsert(Guid.CreateVersion7(), deviceEvent.TimeUtc, payload, (int)deviceEvent.Kind));
    }

    public bool AppendTranscript(TranscriptRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var payload = JsonSerializer.SerializeToUtf8Bytes(record, StoreJson.Default.TranscriptRecord);
        try
        {
            return TryWrite(db => Collection(db, StoreCollections.Transcripts).Upsert(Guid.CreateVersion7(), record.StartUtc, payload));
        }
        finally
        {
            // The words are personal data: the clear copy does not wait in freed memory for the collector.
            Array.Clear(payload);
        }
    }

    public IReadOnlyList<Stored<TranscriptRecord>> ReadTranscripts(DateTime fromUtc, DateTime toUtc) =>
        ReadBetween(StoreCollections.Transcripts, fromUtc, toUtc, StoreJson.Default.TranscriptRecord, (_, value) => value);

    public IReadOnlyList<OutboxEntry> PeekOldest(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return Read(db =>
        {
            var outbox = Collection(db, StoreCollections.Outbox);
            var documents = outbox.Documents.Query().OrderBy(SealedCollection.Time).Limit(count).ToList();
            var entries = new List<OutboxEntry>(documents.Count);
            foreach (var document in documents)
            {
                if (OpenOrReport(outbox, document) is { } payload)
                {
                    var kind = document[SealedCollection.Kind] is { IsInt32: true } k ? (OutboxKind)k.AsInt32 : OutboxKind.Summary;
                    entries.Add(new OutboxEntry(document["_id"].AsGuid, SealedCollection.TimeOf(document), payload, kind));
                }
            }

            return entries;
        });
    }

    public int Count()
    {
        lock (_gate)
        {
            return Read(db => new StrongBox<int>(db.GetCollection(StoreCollections.Outbox).Count())).Value;
        }
    }

    public bool Acknowledge(Guid messageId)
    {
        var removed = false;
        TryWrite(db => removed = db.GetCollection(StoreCollections.Outbox).Delete(messageId));
        return removed;
    }

    public IReadOnlyList<Stored<WindowResult>> ReadWindows(DateTime fromUtc, DateTime toUtc)
    {
        lock (_gate)
        {
            // The windows waiting for their batch are answered from memory: a read never writes
            // (status and history are polled), and they reach the disk with their batch.
            var windows = ReadBetween(StoreCollections.Windows, fromUtc, toUtc, StoreJson.Default.WindowResult, (_, value) => value);
            var stored = windows.Count;
            foreach (var (id, startUtc, payload) in _windowBatch)
            {
                var time = SealedCollection.StoredTime(startUtc);
                if (time >= fromUtc && time < toUtc)
                {
                    windows.Add(new Stored<WindowResult>(id, time, JsonSerializer.Deserialize(payload, StoreJson.Default.WindowResult)));
                }
            }

            if (windows.Count > stored)
            {
                windows.Sort((a, b) => a.TimeUtc.CompareTo(b.TimeUtc));
            }

            return windows;
        }
    }

    public IReadOnlyList<Stored<MinuteSummary>> ReadMinutes(DateTime fromUtc, DateTime toUtc) =>
        ReadBetween(StoreCollections.Minutes, fromUtc, toUtc, StoreJson.Default.MinuteSummary, (_, value) => value);

    public DateTime? FirstMinuteTime(DateTime fromUtc, DateTime toUtc)
    {
        lock (_gate)
        {
            return Read(db => Collection(db, StoreCollections.Minutes).FirstTime(fromUtc, toUtc));
        }
    }

    public IReadOnlyList<Stored<ScreeningSession>> ReadSessions(DateTime fromUtc, DateTime toUtc) =>
        ReadBetween(StoreCollections.Sessions, fromUtc, toUtc, StoreJson.Default.ScreeningSession, (_, value) => value);

    public IReadOnlyList<Stored<DeviceEvent>> ReadEvents(DateTime fromUtc, DateTime toUtc) =>
        ReadBetween(StoreCollections.Events, fromUtc, toUtc, StoreJson.Default.String, (document, detail) =>
            new DeviceEvent(SealedCollection.TimeOf(document), (DeviceEventKind)document[SealedCollection.Kind].AsInt32, detail));

    public RetentionReport ApplyRetention(DateTime nowUtc)
    {
        lock (_gate)
        {
            FlushWindows();
            var before = StoreFile.SizeOnDisk(_options.DatabasePath);
            var report = new RetentionReport(nowUtc, 0, 0, 0, false, before, before);
            TryWrite(db =>
            {
                report = StoreRetention.Apply(db, _options, nowUtc, before);
                if (report.OutboxDropped > 0)
                {
                    StoreFile.WriteOutboxDropped(db, _outboxDropped + report.OutboxDropped);
                }
            });
            CountDropped(report.OutboxDropped);

            var changed = report.ExpiredByAge > 0 || report.RemovedForSize > 0 || report.Compacted;
            StoreLog.RetentionApplied(
                _logger,
                changed ? LogLevel.Information : LogLevel.Debug,
                report.ExpiredByAge,
                report.RemovedForSize,
                report.FileBytesBefore,
                report.FileBytesAfter,
                report.Compacted);
            _lastRetention = report;
            return report;
        }
    }

    public StoreStatus GetStatus()
    {
        lock (_gate)
        {
            // Status is polled by technicians and dashboards: it reads, and never writes the window
            // batch early (one extra transaction per poll on an SD card). The waiting windows are
            // counted with the stored ones, as they will be once their batch is written.
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            Read(db =>
            {
                foreach (var name in StoreCollections.Sealed)
                {
                    counts[name] = db.GetCollection(name).Count();
                }

                return counts;
            });
            if (counts.TryGetValue(StoreCollections.Windows, out var stored))
            {
                counts[StoreCollections.Windows] = stored + _windowBatch.Count;
            }
            return new StoreStatus(
                _options.DatabasePath,
                _sealer.KeyId,
                StoreFile.SizeOnDisk(_options.DatabasePath),
                counts,
                _connection.Failing,
                _connection.FailedWrites,
                _droppedWindows,
                _outboxDropped,
                _tampered.Count,
                _lastRetention)
            {
                DroppedSummaries = _droppedSummaries,
            };
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            // The host disposes the store once for each interface it is registered under.
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            FlushWindows();
            _connection.Dispose();
            _metrics.Dispose();
            _sealer.Dispose();
            _lock.Dispose();
        }
    }

    private SealedCollection Collection(LiteDatabase db, string name) => new(db, name, _sealer);

    private void WriteMinute(LiteDatabase db, PendingMinute pending)
    {
        var stored = JsonSerializer.SerializeToUtf8Bytes(pending.Summary, StoreJson.Default.MinuteSummary);
        var published = JsonSerializer.SerializeToUtf8Bytes(pending.Summary, OutboxJson.Default.MinuteSummary);
        db.BeginTrans();
        try
        {
            // The summary and its outbox entry commit together: nothing is queued that is not stored.
            Collection(db, StoreCollections.Minutes).Upsert(pending.SummaryId, pending.Summary.MinuteStartUtc, stored);
            var dropped = Enqueue(db, pending.MessageId, published, OutboxKind.Summary);
            db.Commit();
            CountDropped(dropped);
            Enqueued?.Invoke(this, EventArgs.Empty);
        }
        catch
        {
            StoreConnection.TryRollback(db);
            throw;
        }
    }

    /// <summary>
    /// Adds an outbox entry inside the caller's transaction and drops the oldest beyond
    /// <see cref="StoreOptions.OutboxMaxEntries"/>, persisting the new drop total in the same transaction.
    /// </summary>
    private int Enqueue(LiteDatabase db, Guid messageId, byte[] payload, OutboxKind kind)
    {
        var outbox = Collection(db, StoreCollections.Outbox);
        outbox.Upsert(messageId, _time.GetUtcNow().UtcDateTime, payload, (int)kind);
        var excess = outbox.Documents.Count() - _options.OutboxMaxEntries;
        var dropped = excess > 0 ? StoreRetention.DeleteOldest(outbox.Documents, excess) : 0;
        if (dropped > 0)
        {
            StoreFile.WriteOutboxDropped(db, _outboxDropped + dropped);
        }

        return dropped;
    }

    private void CountDroppedSummary()
    {
        _droppedSummaries++;
        _droppedSummariesUnlogged++;
        _metrics.SummaryDropped();
        var now = _time.GetUtcNow();
        if (_lastDropLogged is null || now - _lastDropLogged >= DropLogInterval)
        {
            StoreLog.SummariesDropped(_logger, _droppedSummariesUnlogged, PendingMinutesLimit, _droppedSummaries);
            _droppedSummariesUnlogged = 0;
            _lastDropLogged = now;
        }
    }

    private void CountDropped(int dropped)
    {
        if (dropped > 0)
        {
            _outboxDropped += dropped;
            StoreLog.OutboxDropped(_logger, dropped, _outboxDropped);
        }
    }

    /// <summary>Writes the batched windows in one transaction; when that fails they are dropped and counted.</summary>
    private bool FlushWindows()
    {
        if (_windowBatch.Count == 0)
        {
            return true;
        }

        var written = TryWrite(db =>
        {
            var windows = Collection(db, StoreCollections.Windows);
            db.BeginTrans();
            try
            {
                foreach (var (id, startUtc, payload) in _windowBatch)
                {
                    windows.Upsert(id, startUtc, payload);
                }

                db.Commit();
            }
            catch
            {
                StoreConnection.TryRollback(db);
                throw;
            }
        });
        if (!written)
        {
            _droppedWindows += _windowBatch.Count;
        }

        _windowBatch.Clear();
        return written;
    }

    /// <summary>A write through the connection; after a success the summaries kept in memory are written too.</summary>
    private bool TryWrite(Action<LiteDatabase> write)
    {
        lock (_gate)
        {
            if (!_connection.TryWrite(write))
            {
                return false;
            }

            FlushPendingMinutes();
            return true;
        }
    }

    private void FlushPendingMinutes()
    {
        while (_pendingMinutes.Count > 0 && _connection.TryWrite(db => WriteMinute(db, _pendingMinutes.Peek())))
        {
            _pendingMinutes.Dequeue();
        }
    }

    private T Read<T>(Func<LiteDatabase, T> read)
        where T : new()
    {
        lock (_gate)
        {
            return _connection.Read(read);
        }
    }

    private List<Stored<T>> ReadBetween<TPayload, T>(
        string name, DateTime fromUtc, DateTime toUtc, JsonTypeInfo<TPayload> typeInfo, Func<BsonDocument, TPayload, T> map)
    {
        lock (_gate)
        {
            return Read(db => DecodeBetween(db, name, fromUtc, toUtc, typeInfo, map));
        }
    }

    private List<Stored<T>> DecodeBetween<TPayload, T>(
        LiteDatabase db, string name, DateTime fromUtc, DateTime toUtc, JsonTypeInfo<TPayload> typeInfo, Func<BsonDocument, TPayload, T> map)
    {
        var collection = Collection(db, name);
        var records = new List<Stored<T>>();
        foreach (var document in collection.Between(fromUtc, toUtc))
        {
            if (Decode(collection, document, typeInfo) is { } value)
            {
                records.Add(new Stored<T>(document["_id"].AsGuid, SealedCollection.TimeOf(document), map(document, value)));
            }
        }

        return records;
    }

    private T? Decode<T>(SealedCollection collection, BsonDocument document, JsonTypeInfo<T> typeInfo)
    {
        if (OpenOrReport(collection, document) is not { } plaintext)
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize(plaintext, typeInfo);
        }
        catch (JsonException)
        {
            // Authenticated yet unreadable: written by a newer format; report it like a bad record.
            Report(collection.Name, document["_id"].AsGuid);
            return default;
        }
    }

    private byte[]? OpenOrReport(SealedCollection collection, BsonDocument document)
    {
        var plaintext = collection.Open(document);
        if (plaintext is null)
        {
            Report(collection.Name, document["_id"].AsGuid);
        }

        return plaintext;
    }

    private void Report(string collection, Guid id)
    {
        if (_tampered.Add(id))
        {
            StoreLog.RecordTampered(_logger, collection, id);
        }
    }

    private sealed record PendingMinute(Guid SummaryId, Guid MessageId, MinuteSummary Summary);
}
