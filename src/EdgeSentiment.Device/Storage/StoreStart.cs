using EdgeSentiment.Device.Storage.Sealing;

namespace EdgeSentiment.Device.Storage;

/// <summary>
/// The agent's start of the store, where every failure becomes a <see cref="StoreKeyException"/> or
/// <see cref="StoreOpenException"/>: the agent prints those as one <c>error: result store:</c> line and
/// exits 78, whatever the cause (a key that would not fit, a full disk).
/// </summary>
internal static class StoreStart
{
    /// <summary>
    /// Writes a new key for a local run when there is none, unless a database is already there: it was
    /// written with a key that is lost, a new one cannot read it, and a stray key would only hide that.
    /// </summary>
    /// <returns>True when a key was written.</returns>
    public static bool CreateKeyIfMissing(string keyPath, string databasePath)
    {
        if (File.Exists(keyPath))
        {
            return false;
        }

        if (new FileInfo(databasePath) is { Exists: true, Length: > 0 })
        {
            throw new StoreKeyException(
                $"no encryption key at {keyPath}, but the result database {databasePath} exists: it was written with a key "
                + $"that is not there, and a new key cannot read it; restore that key file to {keyPath}, or move the "
                + "database aside to start a new one (no key was written)");
        }

        try
        {
            return StoreKeyFile.CreateIfMissing(keyPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreKeyException($"cannot write a new key to {keyPath}: {e.Message}", e);
        }
    }

    /// <summary>Runs <paramref name="open"/>, turning an I/O failure (a full disk, a folder it may not write) into <see cref="StoreOpenException"/>.</summary>
    public static LiteDbResultStore Open(Func<LiteDbResultStore> open, string databasePath)
    {
        try
        {
            return open();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreOpenException($"cannot open the result database {databasePath}: {e.Message}", e);
        }
    }
}
