using System.Runtime.Versioning;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Device.Storage.Sealing;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Device.Tests.Storage;

public sealed class KeyRotationTests : IDisposable
{
    private const int Minutes = 350;
    private const int TotalRecords = Minutes * 2;
    private readonly StoreTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Rotate_ResealsEveryRecord_AndReplacesTheKeyFile()
    {
        Seed();
        var oldKeyId = KeyIdOf(_bed.KeyPath);

        var result = KeyRotation.Rotate(_bed.DatabasePath, _bed.KeyPath);

        Assert.Equal(oldKeyId, result.OldKeyId);
        Assert.NotEqual(oldKeyId, result.NewKeyId);
        Assert.Equal(KeyIdOf(_bed.KeyPath), result.NewKeyId);
        Assert.False(File.Exists(KeyRotation.NewKeyPath(_bed.KeyPath)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_bed.KeyPath));
        AssertAllRecordsReadable();
    }

    [Fact]
    public void Rotate_InterruptedHalfway_RefusesToOpenForTheAgent_AndResumesWithoutLosingARecord()
    {
        Seed();
        var oldKeyId = KeyIdOf(_bed.KeyPath);

        Assert.Throws<InvalidOperationException>(() => KeyRotation.Rotate(_bed.DatabasePath, _bed.KeyPath, resealed =>
        {
            if (resealed >= Minutes / 2)
            {
                throw new InvalidOperationException("power cut");
            }
        }));

        Assert.Equal(oldKeyId, KeyIdOf(_bed.KeyPath));
        Assert.True(File.Exists(KeyRotation.NewKeyPath(_bed.KeyPath)));
        var refused = Assert.Throws<StoreKeyException>(() => _bed.Open());
        Assert.Contains("edgesentiment key rotate", refused.Message, StringComparison.Ordinal);

        var result = KeyRotation.Rotate(_bed.DatabasePath, _bed.KeyPath);

        Assert.Equal(KeyIdOf(_bed.KeyPath), result.NewKeyId);
        Assert.True(result.Resealed > 0 && result.Resealed < TotalRecords, $"the second run re-sealed {result.Resealed} records");
        AssertAllRecordsReadable();
    }

    [Fact]
    public void Rotate_InterruptedAfterTheRecordsBeforeTheKeySwap_FinishesTheSwap()
    {
        Seed();
        var newKeyPath = KeyRotation.NewKeyPath(_bed.KeyPath);
        var result = KeyRotation.Rotate(_bed.DatabasePath, _bed.KeyPath);

        // Put the old key back as if the rename had not happened yet: the new key waits beside it.
        File.Move(_bed.KeyPath, newKeyPath);
        using (var old = StoreKey.Generate())
        {
            StoreKeyFile.Write(_bed.KeyPath, old);
        }

        var again = KeyRotation.Rotate(_bed.DatabasePath, _bed.KeyPath);

        Assert.Equal(result.NewKeyId, again.NewKeyId);
        Assert.Equal(result.NewKeyId, KeyIdOf(_bed.KeyPath));
        AssertAllRecordsReadable();
    }

    [Fact]
    public void Rotate_WithTheWrongKey_ChangesNothing()
    {
        Seed();
        var other = Path.Combine(_bed.Folder, "other.key");
        using (var key = StoreKey.Generate())
        {
            StoreKeyFile.Write(other, key);
        }

        Assert.Throws<StoreKeyException>(() => KeyRotation.Rotate(_bed.DatabasePath, other));

        Assert.False(File.Exists(KeyRotation.NewKeyPath(other)));
        AssertAllRecordsReadable();
    }

    private void Seed()
    {
        using var store = _bed.Open();
        for (var i = 0; i < Minutes; i++)
        {
            store.AppendMinute(StoreTestBed.Minute(i, windows: 100 + i));
        }
    }

    private void AssertAllRecordsReadable()
    {
        using var store = _bed.Open();
        var minutes = store.ReadMinutes(DateTime.MinValue, DateTime.MaxValue);
        Assert.Equal(Minutes, minutes.Count);
        Assert.Equal(Enumerable.Range(100, Minutes), minutes.Select(m => m.Value.Tally.WindowCount).Order());
        Assert.Equal(Minutes, store.PeekOldest(Minutes + 1).Count);
        Assert.Equal(0, store.GetStatus().TamperedRecords);
    }

    private static string KeyIdOf(string path)
    {
        using var key = StoreKeyFile.Load(path);
        return key.Id;
    }
}
