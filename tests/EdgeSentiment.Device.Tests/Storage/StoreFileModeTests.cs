using System.Runtime.Versioning;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Device.Tests.Storage;

[UnsupportedOSPlatform("windows")]
public sealed class StoreFileModeTests : IDisposable
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly StoreTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public void Open_NewDatabase_FileJournalAndLockAreReadableByTheOwnerAlone()
    {
        using (var store = _bed.Open())
        {
            for (var i = 0; i < 40; i++)
            {
                store.AppendWindow(StoreTestBed.Origin.AddSeconds(2 * i), StoreTestBed.Window(0.1f, 0.2f, 0.7f));
            }

            store.AppendMinute(StoreTestBed.Minute(0));
            Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(_bed.DatabasePath));
            Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(Path.Combine(_bed.Folder, "results-log.db")));
            Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(_bed.DatabasePath + ".lock"));
        }

        // Reopened, with a journal LiteDB may have removed at close and makes again.
        using (var store = _bed.Open())
        {
            store.AppendMinute(StoreTestBed.Minute(1));
            foreach (var file in Directory.EnumerateFiles(_bed.Folder, "results*"))
            {
                FileModes.AssertOwnerOnly(file);
            }
        }
    }

    [Fact]
    public void Open_DatabaseMade0644ByAnEarlierVersion_IsTightenedAndKeepsItsRecords()
    {
        using (var store = _bed.Open())
        {
            store.AppendMinute(StoreTestBed.Minute(0));
        }

        foreach (var file in Directory.EnumerateFiles(_bed.Folder, "results*"))
        {
            File.SetUnixFileMode(file, OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        using (var store = _bed.Open())
        {
            Assert.Single(store.ReadMinutes(DateTime.MinValue, DateTime.MaxValue));
            foreach (var file in Directory.EnumerateFiles(_bed.Folder, "results*"))
            {
                FileModes.AssertOwnerOnly(file);
            }
        }
    }
}
