using System.Runtime.Versioning;
using EdgeSentiment.Device.Storage.Sealing;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Device.Tests.Storage.Sealing;

[UnsupportedOSPlatform("windows")]
public sealed class StoreKeyFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Load_MissingFile_NamesThePathAndHowToMakeAKey()
    {
        var path = Path.Combine(_folder.Path, "edgesentiment.key");

        var e = Assert.Throws<StoreKeyException>(() => StoreKeyFile.Load(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains($"edgesentiment key generate --out {path}", e.Message, StringComparison.Ordinal);
        Assert.Contains("scripts/install", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0b110_100_100)] // 0644
    [InlineData(0b110_110_000)] // 0660
    [InlineData(0b110_000_001)] // 0601
    public void Load_KeyOthersCanReach_IsRefusedWithTheChmodToRun(int mode)
    {
        var path = WriteKey();
        File.SetUnixFileMode(path, (UnixFileMode)mode);

        var e = Assert.Throws<StoreKeyException>(() => StoreKeyFile.Load(path));

        Assert.Contains($"chmod 600 {path}", e.Message, StringComparison.Ordinal);
        Assert.Contains(Convert.ToString(mode, 8), e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0b110_000_000)] // 0600
    [InlineData(0b100_000_000)] // 0400
    public void Load_OwnerOnlyKey_IsAccepted(int mode)
    {
        var path = WriteKey();
        File.SetUnixFileMode(path, (UnixFileMode)mode);

        using var key = StoreKeyFile.Load(path);

        Assert.Equal(8, key.Id.Length);
    }

    [Fact]
    public void Load_Raw32Bytes_AsSystemdCredentialsDecryptThem_IsTheSameKeyAsItsBase64()
    {
        using var key = StoreKey.Generate();
        var raw = _folder.Write("raw.key", key.Bytes.ToArray());
        File.SetUnixFileMode(raw, UnixFileMode.UserRead);
        var text = WriteKey(key);

        using var fromRaw = StoreKeyFile.Load(raw);
        using var fromText = StoreKeyFile.Load(text);

        Assert.Equal(key.Id, fromRaw.Id);
        Assert.Equal(key.Id, fromText.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a key at all")]
    [InlineData("c2hvcnQ=")]
    public void Load_SomethingElse_SaysItIsNotAKey(string content)
    {
        var path = _folder.Write("bad.key", content);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var e = Assert.Throws<StoreKeyException>(() => StoreKeyFile.Load(path));

        Assert.Contains("does not hold a key", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_CreatesMode0600_AndNeverReplacesAFile()
    {
        var path = WriteKey();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        using var other = StoreKey.Generate();
        Assert.Throws<IOException>(() => StoreKeyFile.Write(path, other));
    }

    [Fact]
    public void Resolve_PrefersTheSystemdCredential_WhenItIsThere()
    {
        var configured = Path.Combine(_folder.Path, "configured.key");
        Assert.Equal(configured, StoreKeyFile.Resolve(configured, null));
        Assert.Equal(configured, StoreKeyFile.Resolve(configured, _folder.Path));

        var credential = _folder.Touch(StoreKeyFile.CredentialName);

        Assert.Equal(credential, StoreKeyFile.Resolve(configured, _folder.Path));
    }

    private string WriteKey(StoreKey? key = null)
    {
        var path = Path.Combine(_folder.Path, Guid.NewGuid().ToString("N") + ".key");
        using var generated = StoreKey.Generate();
        StoreKeyFile.Write(path, key ?? generated);
        return path;
    }
}
