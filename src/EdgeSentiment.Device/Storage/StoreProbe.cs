using EdgeSentiment.Device.Storage.Sealing;
using LiteDB;

namespace EdgeSentiment.Device.Storage;

/// <summary>
/// Opens the result database read-only and checks that a key is the one its records are sealed with,
/// by decrypting the newest record of each collection; writes nothing. For <c>edgesentiment doctor</c>.
/// </summary>
public static class StoreProbe
{
    /// <exception cref="StoreKeyException">The key is not the database's, or a rotation is unfinished.</exception>
    /// <exception cref="StoreOpenException">The database is held by another process, or is not a result database.</exception>
    public static StoreProbeResult Check(string databasePath, StoreKey key, string keyPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        ArgumentNullException.ThrowIfNull(key);
        using var fileLock = DatabaseLock.TryAcquireExisting(databasePath);
        if (!File.Exists(databasePath) || !StoreFile.LooksLikeLiteDb(databasePath))
        {
            throw new StoreOpenException(
                $"{databasePath} is not a LiteDB result database; it was left as it is: move it aside to start a new one");
        }

        using var db = new LiteDatabase(new ConnectionString
        {
            Filename = databasePath,
            Connection = ConnectionType.Direct,
            ReadOnly = true,
        });
        StoreFile.CheckKey(db, key.Id, databasePath, keyPath);
        var meta = StoreFile.ReadMeta(db);
        using var sealer = new RecordSealer(key);
        long records = 0;
        var checkedRecords = 0;
        var unreadable = 0;
        foreach (var name in StoreCollections.Sealed)
        {
            if (!db.CollectionExists(name))
            {
                continue;
            }

            var documents = db.GetCollection(name);
            records += documents.LongCount();
            var newest = documents.Query().OrderByDescending(SealedCollection.Time).Limit(1).FirstOrDefault();
            if (newest is null)
            {
                continue;
            }

            checkedRecords++;
            if (new SealedCollection(db, name, sealer).Open(newest) is null)
            {
                unreadable++;
            }
        }

        return new StoreProbeResult(meta?[StoreFile.KeyIdField].AsString, records, checkedRecords, unreadable);
    }
}
