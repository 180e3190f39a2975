using EdgeSentiment.Device.Storage;
using EdgeSentiment.Testing;
using LiteDB;

namespace EdgeSentiment.Device.Tests.Storage;

public sealed class LiteDbClosingTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void OpenTransactions_WithAWriteInProgress_FindsIt()
    {
        var db = StoreFile.Open(Path.Combine(_dir.Path, "results.db"));
        try
        {
            Assert.Empty(LiteDbClosing.OpenTransactions(db));
            db.BeginTrans();
            db.GetCollection("probe").Insert(new BsonDocument { ["n"] = 1 });

            // This is what protects the agent from LiteDB's finalizers: if an upgrade renames the
            // fields it walks, this fails instead of the protection quietly finding nothing.
            Assert.Single(LiteDbClosing.OpenTransactions(db));
            db.Rollback();
        }
        finally
        {
            LiteDbClosing.Close(db);
        }
    }

    [Fact]
    public void Close_WithATransactionLeftOpen_DiscardsItAndLeavesNothingToFinalize()
    {
        var path = Path.Combine(_dir.Path, "results.db");

        // On a thread of its own, like a pipeline thread that stopped in the middle of a write.
        var writer = new Thread(() =>
        {
            var db = StoreFile.Open(path);
            db.BeginTrans();
            db.GetCollection("probe").Insert(new BsonDocument { ["n"] = 1 });
            LiteDbClosing.Close(db);
        });
        writer.Start();
        writer.Join();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var reopened = StoreFile.Open(path);
        try
        {
            Assert.Equal(0, reopened.GetCollection("probe").Count());
        }
        finally
        {
            LiteDbClosing.Close(reopened);
        }
    }
}
