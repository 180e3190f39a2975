using System.Runtime.Versioning;
using EdgeSentiment.Device.Storage.Sealing;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Device.Tests.Storage.Sealing;

[UnsupportedOSPlatform("windows")]
public sealed class OwnerOnlyFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(0b110_100_100)] // 0644
    [InlineData(0b100_100_000)] // 0440
    [InlineData(0b110_000_010)] // 0602
    public void Problem_FileOthersCanReach_NamesTheFileItsModeAndTheChmod(int mode)
    {
        var path = _folder.Write("mqtt.credentials", "device\nsecret\n");
        File.SetUnixFileMode(path, (UnixFileMode)mode);

        var problem = OwnerOnlyFile.Problem(path, "credentials file", credentialsDirectory: null);

        Assert.Equal(
            $"the credentials file {path} is open to other users (mode {Convert.ToString(mode, 8).PadLeft(4, '0')}); "
            + $"the agent only uses a credentials file its owner alone can read: run 'chmod 600 {path}'",
            problem);
    }

    [Theory]
    [InlineData(0b110_000_000)] // 0600
    [InlineData(0b100_000_000)] // 0400
    public void Problem_OwnerOnlyFile_IsNone(int mode)
    {
        var path = _folder.Write("mqtt.credentials", "device\nsecret\n");
        File.SetUnixFileMode(path, (UnixFileMode)mode);

        Assert.Null(OwnerOnlyFile.Problem(path, "credentials file", credentialsDirectory: null));
    }

    [Fact]
    public void Problem_FileInTheSystemdCredentialsDirectory_IsAcceptedAsSystemdMadeIt()
    {
        var path = _folder.Write("credentials/mqtt.credentials", "device\nsecret\n");
        File.SetUnixFileMode(path, (UnixFileMode)0b110_100_000); // 0640

        Assert.Null(OwnerOnlyFile.Problem(path, "credentials file", _folder.PathOf("credentials")));
        Assert.NotNull(OwnerOnlyFile.Problem(path, "credentials file", _folder.PathOf("cred")));
    }

    [Fact]
    public void Restrict_TakesGroupAndOtherAccessAway_AndKeepsTheOwners()
    {
        var path = _folder.Write("results.db", "x");
        File.SetUnixFileMode(path, (UnixFileMode)0b110_110_100); // 0664

        OwnerOnlyFile.Restrict(path);

        Assert.Equal((UnixFileMode)0b110_000_000, File.GetUnixFileMode(path));
    }
}
