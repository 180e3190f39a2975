using EdgeSentiment.Device.Storage.Sealing;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace EdgeSentiment.Device.Storage;

/// <summary>
/// The store's open LiteDB database, kept usable through I/O failures (a full disk): a write or read
/// that fails is counted, logged once per episode, and closes the database, which is reopened by a
/// later call (at most every 5 s) once the file can be opened and its key checked again. Not
/// thread-safe: the store calls it under its own lock.
/// </summary>
internal sealed class StoreConnection : IDisposable
{
    private static readonly TimeSpan ReopenInterval = TimeSpan.FromSeconds(5);

    private readonly string _databasePath;
    private readonly string _keyId;
    private readonly string _keyPath;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly bool _readOnly;
    private LiteDatabase? _db;
    private DateTimeOffset _lastReopenAttempt;
    private long _failedWritesInEpisode;

    /// <summary>Takes over <paramref name="db"/>, opened by <see cref="OpenVerified"/> with the same <paramref name="readOnly"/>.</summary>
    public StoreConnection(LiteDatabase db, string databasePath, string keyId, string keyPath, ILogger logger, TimeProvider time, bool readOnly = false)
    {
        _readOnly = readOnly;
        _db = db;
        _databasePath = databasePath;
        _keyId = keyId;
        _keyPath = keyPath;
        _logger = logger;
        _time = time;
    }

    /// <summary>True from a failed write until a write succeeds again.</summary>
    public bool Failing { get; private set; }

    /// <summary>Writes (and reads) that failed since the store was opened.</summary>
    public long FailedWrites { get; private set; }

    /// <summary>
    /// Opens the database at <paramref name="path"/> and checks that <paramref name="keyId"/> is its key;
    /// throws <see cref="StoreOpenException"/> or <see cref="StoreKeyException"/>, leaving the file as it is.
    /// Read-only, nothing is written: no key id for a new file, no indexes (a query without one scans).
    /// </summary>
    public static LiteDatabase OpenVerified(string path, string keyId, string keyPath, bool readOnly = false)
    {
        LiteDatabase db;
        try
        {
            db = readOnly ? StoreFile.OpenReadOnly(path) : StoreFile.Open(path);
        }
        catch (Exception e) when (StoreFileCheck.IsDamage(e))
        {
            throw StoreFileCheck.Damaged(path, e);
        }

        try
        {
            if (readOnly)
            {
                StoreFile.CheckKey(db, keyId, path, keyPath);
                return db;
            }

            StoreFile.VerifyKey(db, keyId, path, keyPath);
            foreach (var name in StoreCollections.Sealed)
            {
                SealedCollection.EnsureIndexes(db, name);
            }

            return db;
        }
        catch (Exception e) when (StoreFileCheck.IsDamage(e))
        {
            try
            {
                db.Dispose();
            }
            catch (Exception again) when (StoreFileCheck.IsDamage(again) || IsStorageFault(again))
            {
                // Closing a file LiteDB cannot read can fail again; the first failure is the one to report.
            }

            throw StoreFileCheck.Damaged(path, e);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>Rolls back the caller's transaction after a failed write; a rollback that fails too is left to the journal.</summary>
    public static void TryRollback(LiteDatabase db)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            db.Rollback();
        }
        catch (Exception e) when (IsStorageFault(e))
        {
            // The engine closes itself on an I/O error; the connection reopens it later.
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/> on the database (reopening it first when it was closed); false when
    /// it could not be opened or the write failed, which is counted and closes the database.
    /// </summary>
    public bool TryWrite(Action<LiteDatabase> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (!EnsureOpen())
        {
            CountFailure(null);
            return false;
        }

        try
        {
            write(_db!);
        }
        catch (Exception e) when (IsStorageFault(e))
        {
            CountFailure(e);
            Close();
            return false;
        }

        if (Failing)
        {
            Failing = false;
            StoreLog.WritesResumed(_logger, _failedWritesInEpisode);
        }

        return true;
    }

    /// <summary>
    /// Runs <paramref name="read"/> on the database (reopening it first when it was closed); an empty
    /// <typeparamref name="T"/> when it could not be opened or the read failed (counted, and the database closed).
    /// </summary>
    public T Read<T>(Func<LiteDatabase, T> read)
        where T : new()
    {
        ArgumentNullException.ThrowIfNull(read);
        if (!EnsureOpen())
        {
            return new T();
        }

        try
        {
            return read(_db!);
        }
        catch (Exception e) when (IsStorageFault(e))
        {
            CountFailure(e);
            Close();
            return new T();
        }
    }

    public void Dispose() => Close();

    private static bool IsStorageFault(Exception e) =>
        e is IOException or LiteException or UnauthorizedAccessException or ObjectDisposedException;

    private bool EnsureOpen()
    {
        if (_db is not null)
        {
            return true;
        }

        var now = _time.GetUtcNow();
        if (now - _lastReopenAttempt < ReopenInterval)
        {
            return false;
        }

        _lastReopenAttempt = now;
        try
        {
            _db = OpenVerified(_databasePath, _keyId, _keyPath, _readOnly);
            return true;
        }
        catch (Exception e) when (IsStorageFault(e) || e is StoreOpenException or StoreKeyException)
        {
            return false;
        }
    }

    private void CountFailure(Exception? e)
    {
        FailedWrites++;
        _failedWritesInEpisode++;
        if (!Failing)
        {
            Failing = true;
            _failedWritesInEpisode = 1;
            StoreLog.WritesFailing(_logger, e?.Message ?? "the database could not be reopened", e);
        }
    }

    private void Close()
    {
        var db = _db;
        _db = null;
        _lastReopenAttempt = _time.GetUtcNow();
        if (db is null)
        {
            return;
        }

        try
        {
            LiteDbClosing.Close(db);
        }
        catch (Exception e) when (IsStorageFault(e))
        {
            // Closing after an I/O error can fail again; the journal keeps the file consistent.
        }
    }
}
