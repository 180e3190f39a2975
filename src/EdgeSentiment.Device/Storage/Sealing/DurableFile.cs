using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace EdgeSentiment.Device.Storage.Sealing;

/// <summary>
/// Renames that survive a power cut. A file renamed into place is whole once its data was flushed
/// (the callers do that first), but the rename itself is only on disk once its folder is synced too:
/// without that, a sealed review or a new key renamed moments before the power went could come back
/// under its temporary name, and a temporary name is what the next start clears away.
/// </summary>
public static partial class DurableFile
{
    /// <summary><see cref="File.Move(string, string, bool)"/>, then the folders it touched synced to disk.</summary>
    public static void Move(string source, string target, bool overwrite = false)
    {
        File.Move(source, target, overwrite);
        var into = Folder(target);
        SyncFolder(into);
        var from = Folder(source);
        if (from != into)
        {
            SyncFolder(from);
        }
    }

    /// <summary>Syncs <paramref name="folder"/>'s entries (names, renames, removals) to disk; nothing to do off Linux.</summary>
    public static void SyncFolder(string folder)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // O_RDONLY (0): a folder opens read-only like a file, on every architecture's flag values.
        using var handle = Open(folder, 0);
        if (handle.IsInvalid)
        {
            throw new IOException($"cannot open the folder {folder} to sync it to disk: {Marshal.GetLastPInvokeErrorMessage()}");
        }

        if (Fsync(handle) != 0)
        {
            throw new IOException($"syncing the folder {folder} to disk failed: {Marshal.GetLastPInvokeErrorMessage()}; check the disk (dmesg)");
        }
    }

    private static string Folder(string path) => Path.GetDirectoryName(Path.GetFullPath(path)) ?? Path.GetPathRoot(Path.GetFullPath(path))!;

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial SafeFileHandle Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(SafeFileHandle handle);
}
