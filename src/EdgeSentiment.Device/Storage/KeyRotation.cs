using EdgeSentiment.Device.Storage.Sealing;
using LiteDB;

namespace EdgeSentiment.Device.Storage;

/// <summary>
/// Re-seals every record under a new key, in batches that each commit, so an interrupted rotation
/// loses nothing and simply continues when run again. The new key waits in <c>KEYFILE.new</c> and the
/// database's meta record names it, so the agent refuses to start mid-rotation; only when every record
/// is re-sealed does the new key replace the old one (an atomic rename).
/// </summary>
public static class KeyRotation
{
    private const int BatchSize = 100;

    public static string NewKeyPath(string keyPath) => keyPath + ".new";

    /// <summary>
    /// Rotates the key of <paramref name="databasePath"/>, whose current key is at <paramref name="keyPath"/>.
    /// <paramref name="progress"/> hears the running count of re-sealed records after each committed batch.
    /// </summary>
    public static KeyRotationResult Rotate(string databasePath, string keyPath, Action<long>? progress = null)
    {
        if (!File.Exists(databasePath))
        {
            throw new StoreOpenException($"no result database at {databasePath}: check --database");
        }

        using var fileLock = DatabaseLock.Acquire(databasePath);
        var newKeyPath = NewKeyPath(keyPath);
        using var current = StoreKeyFile.Load(keyPath);
        using var pending = File.Exists(newKeyPath) ? StoreKeyFile.Load(newKeyPath) : null;
        using var db = StoreFile.Open(databasePath);
        var meta = StoreFile.ReadMeta(db)
            ?? throw new StoreKeyException($"the result database {databasePath} has no key id; it was left as it is");
        var storedKeyId = meta[StoreFile.KeyIdField].AsString;
        var rotatingTo = meta[StoreFile.RotatingToField];

        if (pending is not null && storedKeyId == pending.Id)
        {
            // Every record was re-sealed and recorded; only the key file swap was left to do.
            DurableFile.Move(newKeyPath, keyPath, overwrite: true);
            return new KeyRotationResult(current.Id, pending.Id, 0, 0);
        }

        if (storedKeyId != current.Id)
        {
            throw new StoreKeyException(
                $"the key at {keyPath} (key {current.Id}) is not the key the result database {databasePath} "
                + $"was written with (key {storedKeyId}); nothing was changed");
        }

        StoreKey next;
        StoreKey? generated = null;
        if (!rotatingTo.IsNull)
        {
            if (pending is null || pending.Id != rotatingTo.AsString)
            {
                throw new StoreKeyException(
                    $"an unfinished rotation moves {databasePath} to key {rotatingTo.AsString}, but {newKeyPath} "
                    + "does not hold that key: restore that file and run 'edgesentiment key rotate' again");
            }

            next = pending;
        }
        else if (pending is not null)
        {
            // Left by a rotation stopped before it recorded anything; no record uses it yet.
            next = pending;
        }
        else
        {
            generated = StoreKey.Generate();
            StoreKeyFile.Write(newKeyPath, generated);
            next = generated;
        }

        try
        {
            StoreFile.WriteMeta(db, current.Id, next.Id);
            var (resealed, unreadable) = Reseal(db, current, next, progress);
            StoreFile.WriteMeta(db, next.Id, rotatingTo: null);
            db.Checkpoint();
            DurableFile.Move(newKeyPath, keyPath, overwrite: true);
            return new KeyRotationResult(current.Id, next.Id, resealed, unreadable);
        }
        finally
        {
            generated?.Dispose();
        }
    }

    private static (long Resealed, long Unreadable) Reseal(LiteDatabase db, StoreKey from, StoreKey to, Action<long>? progress)
    {
        using var oldSealer = new RecordSealer(from);
        using var newSealer = new RecordSealer(to);
        long resealed = 0;
        long unreadable = 0;
        foreach (var name in StoreCollections.Sealed)
        {
            var source = new SealedCollection(db, name, oldSealer);
            var target = new SealedCollection(db, name, newSealer);
            var skipped = new HashSet<Guid>();
            while (true)
            {
                var batch = source.Documents.Query()
                    .Where(Query.EQ(SealedCollection.KeyId, from.Id))
                    .Limit(BatchSize + skipped.Count)
                    .ToList();
                var changed = 0;
                var newlySkipped = 0;
                db.BeginTrans();
                try
                {
                    foreach (var document in batch)
                    {
                        var id = document["_id"].AsGuid;
                        if (skipped.Contains(id))
                        {
                            continue;
                        }

                        if (source.Open(document) is not { } plaintext)
                        {
                            // Altered or swapped: it cannot be re-sealed honestly, so it stays as it is.
                            skipped.Add(id);
                            newlySkipped++;
                            unreadable++;
                            continue;
                        }

                        int? kind = document.TryGetValue(SealedCollection.Kind, out var k) ? k.AsInt32 : null;
                        target.Documents.Update(target.Seal(id, SealedCollection.TimeOf(document), plaintext, kind));
                        changed++;
                    }

                    db.Commit();
                }
                catch
                {
                    // Left open, the transaction would be rolled back again by LiteDB's finalizer,
                    // which can end the process (Storage/LiteDbClosing.cs).
                    db.Rollback();
                    throw;
                }

                resealed += changed;
                if (changed > 0)
                {
                    progress?.Invoke(resealed);
                }

                if (changed + newlySkipped == 0)
                {
                    break;
                }
            }
        }

        return (resealed, unreadable);
    }
}
