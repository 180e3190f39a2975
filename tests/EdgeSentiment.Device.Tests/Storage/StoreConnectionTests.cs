using EdgeSentiment.Device.Storage;
using EdgeSentiment.Device.Storage.Sealing;
using EdgeSentiment.Testing;
using LiteDB;

namespace EdgeSentiment.Device.Tests.Storage;

public sealed class StoreConnectionTests : IDisposable
{
    private readonly StoreTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public void FailedWrite_ClosesTheDatabase_ReopensItAfterFiveSeconds_AndLogsTheEpisodeOnce()
    {
        using var connection = Open();

        Assert.False(connection.TryWrite(_ => throw new IOException("No space left on device")));
        Assert.True(connection.Failing);

        // Closed, and not reopened at every call: a full card is not hammered.
        Assert.False(connection.TryWrite(Insert));
        _bed.Time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(connection.TryWrite(Insert));
        Assert.Equal(3, connection.FailedWrites);
        Assert.Equal(1, _bed.Logger.Count(LogEvents.StoreWritesFailing));

        _bed.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(connection.TryWrite(Insert));
        Assert.False(connection.Failing);
        Assert.Equal(1, _bed.Logger.Count(LogEvents.StoreWritesResumed));
        Assert.Equal(1, connection.Read(db => new List<int> { db.GetCollection("probe").Count() })[0]);
    }

    [Fact]
    public void FailedRead_GivesAnEmptyAnswer_AndTheNextReadAfterTheIntervalSeesTheFile()
    {
        using var connection = Open();
        Assert.True(connection.TryWrite(Insert));

        Assert.Empty(connection.Read<List<int>>(_ => throw new LiteException(0, "disk I/O error")));
        Assert.Empty(connection.Read(db => new List<int> { db.GetCollection("probe").Count() }));

        _bed.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal([1], connection.Read(db => new List<int> { db.GetCollection("probe").Count() }));
    }

    private static void Insert(LiteDatabase db) => db.GetCollection("probe").Insert(new BsonDocument { ["n"] = 1 });

    private StoreConnection Open()
    {
        using var key = StoreKeyFile.Load(_bed.KeyPath);
        var db = StoreConnection.OpenVerified(_bed.DatabasePath, key.Id, _bed.KeyPath);
        return new StoreConnection(db, _bed.DatabasePath, key.Id, _bed.KeyPath, _bed.Logger, _bed.Time);
    }
}
