using LiteDB;

namespace EdgeSentiment.Agent.Storage;

/// <summary>
/// One LiteDB collection of sealed records. A document holds only <c>_id</c>, <c>t</c> (UTC time),
/// <c>k</c> (key id), optionally <c>kind</c>, and <c>p</c>: the AES-GCM sealed payload.
/// </summary>
internal sealed class SealedCollection
{
    public const string Time = "t";
    public const string KeyId = "k";
    public const string Kind = "kind";
    public const string Payload = "p";

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
        var document = new BsonDocument
        {
            ["_id"] = id,
            [Time] = timeUtc,
            [KeyId] = _sealer.KeyId,
            [Payload] = _sealer.Seal(Name, id, plaintext),
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

        return _sealer.Open(Name, id, document[Payload].AsBinary);
    }

    public List<BsonDocument> Between(DateTime fromUtc, DateTime toUtc) =>
        _collection.Query()
            .Where(Query.And(Query.GTE(Time, fromUtc), Query.LT(Time, toUtc)))
            .OrderBy(Time)
            .ToList();

    public static DateTime TimeOf(BsonDocument document) => document[Time].AsDateTime.ToUniversalTime();
}
