using LiteDB;

namespace EdgeSentiment.Device.Storage;

/// <summary>
/// Removes records by age and, above the size limit, the oldest records (windows first, the bulkiest
/// and least useful later), then compacts the file. Works on clear times only: no key needed.
/// </summary>
internal static class StoreRetention
{
    private const int MaxSizePasses = 4;

    // Aim below the limit so the next minutes do not trip it again at once.
    private const double SizeTarget = 0.8;

    public static RetentionReport Apply(LiteDatabase db, StoreOptions options, DateTime nowUtc, long bytesBefore)
    {
        var cutoff = nowUtc.AddDays(-options.RetentionDays);
        var expired = 0;
        foreach (var name in new[] { StoreCollections.Windows, StoreCollections.Transcripts, StoreCollections.Minutes, StoreCollections.Sessions, StoreCollections.Events })
        {
            expired += db.GetCollection(name).DeleteMany(Query.LT(SealedCollection.Time, cutoff));
        }

        var outboxCutoff = nowUtc.AddHours(-options.OutboxMaxAgeHours);
        var outboxDropped = db.GetCollection(StoreCollections.Outbox).DeleteMany(Query.LT(SealedCollection.Time, outboxCutoff));

        var limit = (long)options.MaxFileMegabytes * 1024 * 1024;
        var removedForSize = 0;
        var compacted = false;
        var remaining = TotalRecords(db);
        if (expired + outboxDropped > remaining / 4 && expired + outboxDropped > 0)
        {
            // Freed pages are reused, but a large purge is worth giving back to the card.
            Compact(db, options.DatabasePath);
            compacted = true;
        }

        for (var pass = 0; pass < MaxSizePasses; pass++)
        {
            var size = StoreFile.SizeOnDisk(options.DatabasePath);
            remaining = TotalRecords(db);
            if (size <= limit || remaining == 0)
            {
                break;
            }

            var share = 1.0 - (SizeTarget * limit / size);
            var toRemove = Math.Max(1, (int)Math.Ceiling(remaining * share));
            removedForSize += RemoveOldest(db, toRemove);
            Compact(db, options.DatabasePath);
            compacted = true;
        }

        return new RetentionReport(
            nowUtc, expired, removedForSize, outboxDropped, compacted, bytesBefore, StoreFile.SizeOnDisk(options.DatabasePath));
    }

    /// <summary>Deletes the <paramref name="count"/> oldest documents by time; returns how many went.</summary>
    public static int DeleteOldest(ILiteCollection<BsonDocument> collection, int count)
    {
        var oldest = collection.Query().OrderBy(SealedCollection.Time).Limit(count).ToList();
        var deleted = 0;
        foreach (var document in oldest)
        {
            if (collection.Delete(document["_id"]))
            {
                deleted++;
            }
        }

        return deleted;
    }

    private static int RemoveOldest(LiteDatabase db, int count)
    {
        var removed = 0;
        foreach (var name in StoreCollections.Sealed)
        {
            if (removed >= count)
            {
                break;
            }

            removed += DeleteOldest(db.GetCollection(name), count - removed);
        }

        return removed;
    }

    private static long TotalRecords(LiteDatabase db)
    {
        long total = 0;
        foreach (var name in StoreCollections.Sealed)
        {
            total += db.GetCollection(name).LongCount();
        }

        return total;
    }

    private static void Compact(LiteDatabase db, string databasePath)
    {
        db.Checkpoint();
        db.Rebuild();
        StoreFile.DeleteRebuildBackups(databasePath);
        StoreFile.RestrictFiles(databasePath);
    }
}
