namespace EdgeSentiment.Cli.Doctor;

/// <summary>The free space of the file system that holds a path (or its nearest existing parent).</summary>
public static class DiskSpaceProbe
{
    public static DiskSpace? Of(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var directory = new DirectoryInfo(Path.GetFullPath(path));
        while (directory is { Exists: false })
        {
            directory = directory.Parent;
        }

        if (directory is null)
        {
            return null;
        }

        try
        {
            // The mount point is the longest mounted root the folder lies under; a DriveInfo made from the
            // folder itself measures the right file system but names the folder as its root.
            var mount = "/";
            foreach (var drive in DriveInfo.GetDrives())
            {
                var root = drive.RootDirectory.FullName;
                if (root.Length > mount.Length && IsUnder(directory.FullName, root))
                {
                    mount = root;
                }
            }

            var measured = new DriveInfo(directory.FullName);
            return new DiskSpace(mount, measured.AvailableFreeSpace, measured.TotalSize);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    private static bool IsUnder(string path, string root)
    {
        var trimmed = root.TrimEnd('/');
        return path.Equals(trimmed, StringComparison.Ordinal) || path.StartsWith(trimmed + "/", StringComparison.Ordinal);
    }
}
