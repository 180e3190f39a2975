using EdgeSentiment.Device.Storage;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Device.Tests.Storage;

// LiteDB trusts its header: a damaged one crashed the agent, and a file cut short opened as an empty store.
public sealed class DamagedStoreTests : IDisposable
{
    private readonly StoreTestBed _bed = new();

    public DamagedStoreTests() => StoreDamage.Seed(_bed);

    public void Dispose() => _bed.Dispose();

    [Theory]
    [InlineData(StoreDamage.FlippedHeader, "its header page is damaged")]
    [InlineData(StoreDamage.CutToHalf, "it was cut short")]
    [InlineData(StoreDamage.TailCut, "it ends inside a page")]
    public void Open_DamagedFile_IsRefusedInOneLineSayingWhatToDo_AndLeftAsItIs(string damage, string reason)
    {
        StoreDamage.Apply(damage, _bed.DatabasePath);
        var before = File.ReadAllBytes(_bed.DatabasePath);

        var error = Assert.Throws<StoreOpenException>(() => _bed.Open().Dispose());

        Assert.StartsWith($"{_bed.DatabasePath} is damaged: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.EndsWith(StoreFileCheck.Remedy, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(before, File.ReadAllBytes(_bed.DatabasePath));
    }

    // LiteDB copies a pending journal into the file when it opens it, so the file may lag behind its
    // header; a file cut short behind that journal opened, and its reads failed one by one.
    [Fact]
    public void Open_CutShortWithAPendingJournal_IsRefusedInOneLine_AndLeftAsItIs()
    {
        Assert.True(StoreDamage.LeavePendingJournal(_bed) > 0);
        StoreDamage.Apply(StoreDamage.CutToHalf, _bed.DatabasePath);
        var before = File.ReadAllBytes(_bed.DatabasePath);

        var error = Assert.Throws<StoreOpenException>(() => _bed.Open().Dispose());

        Assert.StartsWith($"{_bed.DatabasePath} is damaged: its header counts ", error.Message, StringComparison.Ordinal);
        Assert.Contains("its journal holds", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(StoreFileCheck.Remedy, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Equal(before, File.ReadAllBytes(_bed.DatabasePath));
    }

    [Fact]
    public void Open_WholeFileWithAPendingJournal_OpensWithEveryMinute()
    {
        Assert.True(StoreDamage.LeavePendingJournal(_bed) > 0);

        using var store = _bed.Open();

        Assert.Equal(40, store.ReadMinutes(DateTime.MinValue, DateTime.MaxValue).Count);
        Assert.False(store.GetStatus().WritesFailing);
    }

    [Fact]
    public void Problem_SoundFile_IsNone()
    {
        Assert.Null(StoreFileCheck.Problem(_bed.DatabasePath));
    }

    [Fact]
    public void Readable_LiteDbsUnformattedMessage_LosesItsPlaceholder()
    {
        Assert.Equal("Page type must be data page", StoreFileCheck.Readable("Page type must be data page: {0}"));
    }
}
