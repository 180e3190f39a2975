using System.Text;

namespace EdgeSentiment.Device.Storage.Sealing;

/// <summary>
/// Finds, checks, reads and writes the key file: a systemd credential when the service has one,
/// otherwise the configured file, which must be readable by its owner only.
/// </summary>
public static class StoreKeyFile
{
    /// <summary>The credential name in <c>LoadCredential=</c> / <c>LoadCredentialEncrypted=</c>.</summary>
    public const string CredentialName = "edgesentiment.key";

    /// <summary>
    /// <c>$CREDENTIALS_DIRECTORY/edgesentiment.key</c> when systemd passed the credential,
    /// otherwise <paramref name="configuredPath"/>.
    /// </summary>
    /// <summary>The full path of the key this process uses: <see cref="Resolve"/> with its own $CREDENTIALS_DIRECTORY.</summary>
    public static string ResolveForThisProcess(string configuredPath) =>
        Path.GetFullPath(Resolve(configuredPath, Environment.GetEnvironmentVariable("CREDENTIALS_DIRECTORY")));

    public static string Resolve(string configuredPath, string? credentialsDirectory)
    {
        if (!string.IsNullOrEmpty(credentialsDirectory))
        {
            var credential = Path.Combine(credentialsDirectory, CredentialName);
            if (File.Exists(credential))
            {
                return credential;
            }
        }

        return configuredPath;
    }

    /// <summary>Reads the key at <paramref name="path"/>; throws <see cref="StoreKeyException"/> saying what to fix.</summary>
    public static StoreKey Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new StoreKeyException(
                $"no encryption key at {path}: create one with 'edgesentiment key generate --out {path}' "
                + "(scripts/install does this), or set Store:KeyFile to the key's path");
        }

        if (OwnerOnlyFile.Problem(path, "key file") is { } problem)
        {
            throw new StoreKeyException(problem);
        }

        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreKeyException($"cannot read the key file {path}: {e.Message}", e);
        }

        try
        {
            return Parse(content) ?? throw new StoreKeyException(
                $"{path} does not hold a key (expected {StoreKey.Length} random bytes, raw or in base64): "
                + $"generate one with 'edgesentiment key generate --out {path}'");
        }
        finally
        {
            Array.Clear(content);
        }
    }

    /// <summary>
    /// Writes <paramref name="key"/> to a new file readable by its owner only (0600) and flushes it and
    /// its folder's entry to the disk (records sealed with the key must never outlive the key file on a
    /// power cut); never replaces an existing file.
    /// </summary>
    public static void Write(string path, StoreKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile.Mode;
        }

        var bytes = Encoding.ASCII.GetBytes(key.ToFileText());
        try
        {
            using (var stream = new FileStream(path, options))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            DurableFile.SyncFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
        }
        finally
        {
            Array.Clear(bytes);
        }
    }

    /// <summary>Writes a new random key to <paramref name="path"/> (creating its folder) unless a file is already there.</summary>
    /// <returns>True when a key was written.</returns>
    public static bool CreateIfMissing(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (File.Exists(path))
        {
            return false;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        using var key = StoreKey.Generate();
        Write(path, key);
        return true;
    }

    // Raw 32 bytes (what systemd-creds decrypts to) or their base64 text (what 'key generate' writes).
    private static StoreKey? Parse(byte[] content)
    {
        if (content.Length == StoreKey.Length)
        {
            return StoreKey.FromBytes(content);
        }

        var text = Encoding.ASCII.GetString(content).Trim();
        Span<byte> decoded = stackalloc byte[StoreKey.Length + 3];
        try
        {
            if (Convert.TryFromBase64String(text, decoded, out var written) && written == StoreKey.Length)
            {
                return StoreKey.FromBytes(decoded[..written]);
            }

            return null;
        }
        finally
        {
            decoded.Clear();
        }
    }
}
