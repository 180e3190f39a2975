using EdgeSentiment.Device.Storage.Sealing;

namespace EdgeSentiment.Device.Tests.Storage;

/// <summary>Checks on the permission bits of the files the store writes.</summary>
public static class FileModes
{
    /// <summary>Fails unless <paramref name="path"/> is there and neither its group nor others can reach it.</summary>
    public static void AssertOwnerOnly(string path)
    {
        Assert.True(File.Exists(path), $"{path} is missing");
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(path);
        Assert.True((mode & ~(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute)) == 0, $"{path} has mode {OwnerOnlyFile.Octal(mode)}, expected 0600");
    }
}
