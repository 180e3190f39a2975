namespace EdgeSentiment.Device.Storage.Sealing;

/// <summary>
/// Secret files (the store's key, the broker credentials, the client certificate's private key) must
/// be readable by their owner alone; this says so, with the <c>chmod</c> to run, when one is not.
/// Files systemd passes in <c>$CREDENTIALS_DIRECTORY</c> are accepted as systemd made them.
/// </summary>
public static class OwnerOnlyFile
{
    /// <summary>Mode bits a new secret file is created with: 0600.</summary>
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>
    /// Null when <paramref name="path"/> is owner-only (or missing, or a systemd credential), otherwise
    /// one sentence naming <paramref name="what"/>, the file, its mode and the <c>chmod 600</c> to run.
    /// </summary>
    public static string? Problem(string path, string what) =>
        Problem(path, what, Environment.GetEnvironmentVariable("CREDENTIALS_DIRECTORY"));

    /// <inheritdoc cref="Problem(string, string)"/>
    public static string? Problem(string path, string what, string? credentialsDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (OperatingSystem.IsWindows() || !File.Exists(path) || IsSystemdCredential(path, credentialsDirectory))
        {
            return null;
        }

        var mode = File.GetUnixFileMode(path);
        if ((mode & GroupOrOthers) == 0)
        {
            return null;
        }

        return $"the {what} {path} is open to other users (mode {Octal(mode)}); "
            + $"the agent only uses a {what} its owner alone can read: run 'chmod 600 {path}'";
    }

    /// <summary>Removes group and other access from <paramref name="path"/> when it exists; never widens it.</summary>
    public static void Restrict(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path))
        {
            return;
        }

        var mode = File.GetUnixFileMode(path);
        if ((mode & GroupOrOthers) != 0)
        {
            File.SetUnixFileMode(path, mode & ~GroupOrOthers);
        }
    }

    /// <summary>The mode as <c>chmod</c> writes it, e.g. <c>0644</c>.</summary>
    public static string Octal(UnixFileMode mode) => Convert.ToString((int)mode & 0x1FF, 8).PadLeft(4, '0');

    private static bool IsSystemdCredential(string path, string? credentialsDirectory)
    {
        if (string.IsNullOrEmpty(credentialsDirectory))
        {
            return false;
        }

        var directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(credentialsDirectory)) + Path.DirectorySeparatorChar;
        return Path.GetFullPath(path).StartsWith(directory, StringComparison.Ordinal);
    }
}
