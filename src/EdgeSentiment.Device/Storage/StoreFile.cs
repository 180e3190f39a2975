using EdgeSentiment.Device.Storage.Sealing;
using LiteDB;

namespace EdgeSentiment.Device.Storage;

/// <summary>
/// Opening the LiteDB file and checking that the key belongs to it, shared by the agent's store,
/// key rotation and export. The <c>meta</c> record holds, in clear, the id of the key every record is
/// sealed with, and the id of the key a rotation is moving to.
/// </summary>
internal static class StoreFile
{
    public const string MetaId = "store";
    public const string KeyIdField = "keyId";
    public const string RotatingToField = "rotatingTo";
    public const string CountersId = "counters";
    public const string OutboxDroppedField = "outboxDropped";

    // LiteDB 5 writes this text at offset 32 of the header page.
    private const int HeaderInfoOffset = 32;
    private static readonly byte[] HeaderInfo = "** This is a LiteDB file **"u8.ToArray();
    private static readonly int HeaderEnd = HeaderInfoOffset + HeaderInfo.Length;

    public static LiteDatabase Open(string databasePath)
    {
        StoreFileCheck.ThrowIfUnusable(databasePath);

        var directory = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // LiteDB creates its files with the process umask (0644 as a rule); made first, they stay 0600.
        CreateOwnerOnly(databasePath);
        CreateOwnerOnly(LogPath(databasePath));
        RestrictFiles(databasePath);

        // Direct: one process, the file opened once; the journal (-log file) makes each commit atomic.
        return new LiteDatabase(new ConnectionString
        {
            Filename = databasePath,
            Connection = ConnectionType.Direct,
        });
    }

    /// <summary>
    /// Opens an existing database without ever writing it, for a technician's read (export): LiteDB
    /// opened read-write marks a file it fails to read as invalid in its header (byte 191) when it
    /// closes, so a read of a damaged file would alter the evidence. A pending journal is read, not
    /// copied into the file.
    /// </summary>
    public static LiteDatabase OpenReadOnly(string databasePath)
    {
        StoreFileCheck.ThrowIfUnusable(databasePath);
        return new LiteDatabase(new ConnectionString
        {
            Filename = databasePath,
            Connection = ConnectionType.Direct,
            ReadOnly = true,
        });
    }

    /// <summary>True for a missing or empty file (a new database) and for a file with LiteDB's header.</summary>
    public static bool LooksLikeLiteDb(string databasePath)
    {
        var info = new FileInfo(databasePath);
        if (!info.Exists || info.Length == 0)
        {
            return true;
        }

        if (info.Length < HeaderEnd)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[HeaderEnd];
        using (var stream = new FileStream(databasePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            stream.ReadExactly(header);
        }

        return header[HeaderInfoOffset..].SequenceEqual(HeaderInfo);
    }

    public static BsonDocument? ReadMeta(LiteDatabase db) =>
        db.GetCollection(StoreCollections.Meta).FindById(MetaId);

    public static void WriteMeta(LiteDatabase db, string keyId, string? rotatingTo)
    {
        var meta = new BsonDocument
        {
            ["_id"] = MetaId,
            [KeyIdField] = keyId,
            [RotatingToField] = rotatingTo is null ? BsonValue.Null : new BsonValue(rotatingTo),
        };
        db.GetCollection(StoreCollections.Meta).Upsert(meta);
    }

    /// <summary>Outbox entries dropped (outbox full or too old) over the file's life, kept in clear beside the key id.</summary>
    public static long ReadOutboxDropped(LiteDatabase db) =>
        db.GetCollection(StoreCollections.Meta).FindById(CountersId) is { } counters && counters[OutboxDroppedField].IsNumber
            ? counters[OutboxDroppedField].AsInt64
            : 0;

    public static void WriteOutboxDropped(LiteDatabase db, long total) =>
        db.GetCollection(StoreCollections.Meta).Upsert(new BsonDocument
        {
            ["_id"] = CountersId,
            [OutboxDroppedField] = total,
        });

    /// <summary>
    /// Throws <see cref="StoreKeyException"/> unless <paramref name="keyId"/> is the key the records are
    /// sealed with. Writes only when the database is new (no meta record and no records).
    /// </summary>
    public static void VerifyKey(LiteDatabase db, string keyId, string databasePath, string keyPath)
    {
        if (CheckKey(db, keyId, databasePath, keyPath))
        {
            WriteMeta(db, keyId, rotatingTo: null);
        }
    }

    /// <summary>
    /// The checks of <see cref="VerifyKey"/> without writing: throws <see cref="StoreKeyException"/> unless
    /// <paramref name="keyId"/> is the records' key; true when the database is new (no meta record, no records).
    /// </summary>
    public static bool CheckKey(LiteDatabase db, string keyId, string databasePath, string keyPath)
    {
        var meta = ReadMeta(db);
        if (meta is null)
        {
            foreach (var name in StoreCollections.Sealed)
            {
                if (db.CollectionExists(name) && db.GetCollection(name).LongCount() > 0)
                {
                    throw new StoreKeyException(
                        $"the result database {databasePath} holds records but no key id: it was altered or is "
                        + "not an EdgeSentiment database; it was left as it is");
                }
            }

            return true;
        }

        var rotatingTo = meta[RotatingToField];
        if (!rotatingTo.IsNull)
        {
            throw new StoreKeyException(
                $"a key rotation of {databasePath} to key {rotatingTo.AsString} is unfinished: "
                + "run 'edgesentiment key rotate' again to finish it; the database was not changed");
        }

        var expected = meta[KeyIdField].AsString;
        if (!string.Equals(expected, keyId, StringComparison.Ordinal))
        {
            throw new StoreKeyException(
                $"the key at {keyPath} (key {keyId}) is not the key the result database {databasePath} was "
                + $"written with (key {expected}): restore that key file; the database was not changed");
        }

        return false;
    }

    /// <summary>The data file and its journal, in bytes.</summary>
    public static long SizeOnDisk(string databasePath)
    {
        long size = 0;
        foreach (var path in new[] { databasePath, LogPath(databasePath) })
        {
            var info = new FileInfo(path);
            if (info.Exists)
            {
                size += info.Length;
            }
        }

        return size;
    }

    /// <summary>
    /// Takes group and other access away from the data file and its journal: records are sealed, but
    /// their times and the key id are not, and a rebuild or an older version may have made them 0644.
    /// </summary>
    public static void RestrictFiles(string databasePath)
    {
        OwnerOnlyFile.Restrict(databasePath);
        OwnerOnlyFile.Restrict(LogPath(databasePath));
    }

    public static string LogPath(string databasePath) => SuffixPath(databasePath, "-log");

    /// <summary>Removes the copy LiteDB's rebuild leaves beside the file; its records are the ones just removed.</summary>
    public static void DeleteRebuildBackups(string databasePath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(databasePath))!;
        var pattern = Path.GetFileNameWithoutExtension(databasePath) + "-backup*";
        foreach (var file in Directory.EnumerateFiles(directory, pattern))
        {
            File.Delete(file);
        }
    }

    private static void CreateOwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows() || File.Exists(path))
        {
            return;
        }

        try
        {
            using var _ = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.ReadWrite,
                UnixCreateMode = OwnerOnlyFile.Mode,
            });
        }
        catch (IOException) when (File.Exists(path))
        {
            // Made by someone else in between; RestrictFiles tightens it.
        }
    }

    private static string SuffixPath(string path, string suffix) =>
        Path.Combine(
            Path.GetDirectoryName(path) ?? string.Empty,
            Path.GetFileNameWithoutExtension(path) + suffix + Path.GetExtension(path));
}
