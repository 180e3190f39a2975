using System.Globalization;

namespace EdgeSentiment.Cli.Doctor;

/// <summary>
/// Finds the process that holds a lock file: the processes with a lock in <c>/proc/locks</c> whose open
/// files include it. Without /proc (or without the right to look) it finds nothing.
/// </summary>
public static class LockHolders
{
    public static LockHolder? Find(string lockPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(lockPath);
        var full = Path.GetFullPath(lockPath);
        if (!File.Exists(full) || !File.Exists("/proc/locks"))
        {
            return null;
        }

        try
        {
            foreach (var pid in LockingProcesses())
            {
                if (HasOpen(pid, full))
                {
                    return new LockHolder(pid, CommandLineOf(pid));
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return null;
    }

    // Lines look like "1: FLOCK  ADVISORY  WRITE 1234 08:01:5678 0 EOF"; blocked waiters ("-> ...") are skipped.
    private static HashSet<int> LockingProcesses()
    {
        var pids = new HashSet<int>();
        foreach (var line in File.ReadLines("/proc/locks"))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 5 && fields[1] != "->"
                && int.TryParse(fields[4], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0)
            {
                pids.Add(pid);
            }
        }

        return pids;
    }

    private static bool HasOpen(int pid, string path)
    {
        var fds = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/fd";
        try
        {
            foreach (var fd in Directory.EnumerateFileSystemEntries(fds))
            {
                if (string.Equals(new FileInfo(fd).LinkTarget, path, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Gone, or another user's process we may not look into.
        }

        return false;
    }

    private static string CommandLineOf(int pid)
    {
        try
        {
            var raw = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline");
            return raw.Replace('\0', ' ').Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "?";
        }
    }
}
