using System.Runtime.Versioning;
using EdgeSentiment.Device.Storage.Sealing;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Device.Tests.Storage.Sealing;

[SupportedOSPlatform("linux")]
public sealed class DurableFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Move_IntoAnotherFolder_LeavesTheFileWholeUnderItsNewName()
    {
        var source = _folder.Write("spool/review.age.partial", "sealed bytes");
        var target = _folder.PathOf("inbox/review.age");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);

        DurableFile.Move(source, target);

        Assert.False(File.Exists(source));
        Assert.Equal("sealed bytes", File.ReadAllText(target));
    }

    [Fact]
    public void Move_OntoAnExistingFileWithOverwrite_ReplacesIt()
    {
        var source = _folder.Write("store.key.new", "new key");
        var target = _folder.Write("store.key", "old key");

        DurableFile.Move(source, target, overwrite: true);

        Assert.Equal("new key", File.ReadAllText(target));
    }

    [Fact]
    public void SyncFolder_MissingFolder_ThrowsNamingTheFolder()
    {
        var missing = _folder.PathOf("gone");

        var error = Assert.Throws<IOException>(() => DurableFile.SyncFolder(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SyncFolder_ManyTimes_LeavesNoFolderOpen()
    {
        for (var i = 0; i < 200; i++)
        {
            DurableFile.SyncFolder(_folder.Path);
        }

        // Whatever other tests hold open meanwhile, nothing open may point at this folder any more.
        var open = new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos()
            .Select(fd => fd.LinkTarget)
            .Where(target => target == _folder.Path);
        Assert.Empty(open);
    }
}
