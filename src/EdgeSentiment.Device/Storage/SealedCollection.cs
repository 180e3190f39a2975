using EdgeSentiment.Device.Storage.Sealing;
using LiteDB;

namespace EdgeSentiment.Device.Storage;

/// <summary>
/// One LiteDB collection of sealed records. A document holds only <c>_id</c>, <c>t</c> (UTC time),
/// <c>k</c> (key id), optionally <c>kind</c>, <c>f</c> (the record format) and <c>p</c>: the AES-GCM
/// sealed payload, whose associated data binds the id, time and kind (<see cref="RecordSealer"/>).
/// </summary>
/// <remarks>
/// Format 2 binds time and kind. Documents without <c>f</c> were written before that (format 1)
/// and open with the associated data of their day; removing <c>f</c> from a format-2 document
/// does not help a forger, because its tag was computed over the bound data.
/// </remarks>
internal sealed class SealedCollection
{
    public const string Time = "t";
    public const string KeyId = "k";
    public const string Kind = "kind";
    public const string Payload = "p";
    public const string Format = "f";
    public const int CurrentFormat = 2;

    private readonly ILiteCollection<BsonDocument> _collection;
    private readonly RecordSealer _sealer;

    public SealedCollection(LiteDatabase db, string name, RecordSealer sealer)
    {
        Name = name;
        _collection = db.GetCollection(name);
        _sealer = sealer;
    }

    public string Name { get; }

    public ILiteCollection<BsonDocument> Documents => _collection;

    public static void EnsureIndexes(LiteDatabase db, string name)
    {
        var collection = db.GetCollection(name);
        collection.EnsureIndex(Time);
        collection.EnsureIndex(KeyId);
    }

    public void Upsert(Guid id, DateTime timeUtc, ReadOnlySpan<byte> plaintext, int? kind = null) =>
        _collection.Upsert(Seal(id, timeUtc, plaintext, kind));

    public BsonDocument Seal(Guid id, DateTime timeUtc, ReadOnlySpan<byte> plaintext, int? kind = null)
    {
        var time = StoredTime(timeUtc);
        var document = new BsonDocument
        {
            ["_id"] = id,
            [Time] = time,
            [KeyId] = _sealer.KeyId,
            [Format] = CurrentFormat,
            [Payload] = _sealer.Seal(Name, id, Binding(time, kind), plaintext),
        };
        if (kind is { } k)
        {
            document[Kind] = k;
        }

        return document;
    }

    /// <summary>The plaintext of <paramref name="document"/>, or null when it fails authentication.</summary>
    public byte[]? Open(BsonDocument document)
    {
        var id = document["_id"].AsGuid;
        if (!string.Equals(document[KeyId].AsString, _sealer.KeyId, StringComparison.Ordinal))
        {
            return null;
        }

        RecordBinding? binding = null;
        if (document.TryGetValue(Format, out var format))
        {
            if (!format.IsInt32 || format.AsInt32 != CurrentFormat || !document[Time].IsDateTime)
            {
                return null;
            }

            var kind = document.TryGetValue(Kind, out var k) ? k : BsonValue.Null;
            if (!kind.IsNull && !kind.IsInt32)
            {
                return null;
            }

            binding = Binding(TimeOf(document), kind.IsNull ? null : kind.AsInt32);
        }

        return _sealer.Open(Name, id, binding, document[Payload].AsBinary);
    }

    public List<BsonDocument> Between(DateTime fromUtc, DateTime toUtc) =>
        _collection.Query()
            .Where(Query.And(Query.GTE(Time, fromUtc), Query.LT(Time, toUtc)))
            .OrderBy(Time)
            .ToList();

    /// <summary>The time of the first document in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), or null; read from the time index alone.</summary>
    public DateTime? FirstTime(DateTime fromUtc, DateTime toUtc)
    {
        var first = _collection.Query()
            .Where(Query.And(Query.GTE(Time, fromUtc), Query.LT(Time, toUtc)))
            .OrderBy(Time)
            .Limit(1)
            .ToList();
        return first.Count == 0 ? null : TimeOf(first[0]);
    }

    /// <summary>
    /// <paramref name="timeUtc"/> as a record keeps it: UTC, whole milliseconds (LiteDB's precision, and
    /// the bound time must be the one that is read back).
    /// </summary>
    public static DateTime StoredTime(DateTime timeUtc)
    {
        var utc = timeUtc.ToUniversalTime();
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
    }

    public static DateTime TimeOf(BsonDocument document) => document[Time].AsDateTime.ToUniversalTime();

    private static RecordBinding Binding(DateTime utc, int? kind) =>
        new((utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond, kind);
}
