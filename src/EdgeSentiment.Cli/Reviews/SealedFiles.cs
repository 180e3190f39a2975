using EdgeSentiment.Device.Booth.Age;
using EdgeSentiment.Device.Storage.Sealing;

namespace EdgeSentiment.Cli.Reviews;

/// <summary>Writes the plaintext of a sealed file to disk only once all of it authenticated.</summary>
internal static class SealedFiles
{
    /// <summary>The studio's identities from an age key file, or null after saying in one line why they cannot be read.</summary>
    public static IReadOnlyList<AgeIdentity>? ReadIdentities(FileInfo identityFile, CliConsole console)
    {
        try
        {
            return AgeIdentity.ReadFile(identityFile.FullName);
        }
        catch (AgeException e)
        {
            console.Fail(e.Message);
            return null;
        }
    }

    /// <summary>Opens <paramref name="input"/> into <paramref name="target"/> through a temporary file
    /// beside it, renamed only when the last chunk authenticated: a refused file leaves nothing behind.</summary>
    public static void OpenTo(Stream input, IReadOnlyList<AgeIdentity> identities, string target)
    {
        var temporary = target + ".part";
        try
        {
            OpenToTemporary(input, identities, temporary);
            DurableFile.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Opens <paramref name="input"/> into <paramref name="temporary"/>, synced to disk; the caller renames it
    /// into place. Throws <see cref="AgeException"/> when any of it does not authenticate.</summary>
    public static void OpenToTemporary(Stream input, IReadOnlyList<AgeIdentity> identities, string temporary)
    {
        using var open = AgeOpenStream.Open(input, identities, leaveOpen: true);
        using var plain = CreateOwnerOnly(temporary);
        open.CopyTo(plain);
        plain.Flush(flushToDisk: true);
    }

    /// <summary>Creates (or empties) <paramref name="path"/> for writing, mode 0600 where there are modes: a review is personal data.</summary>
    public static FileStream CreateOwnerOnly(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile.Mode;
        }

        return new FileStream(path, options);
    }
}
