using EdgeSentiment.Device.Storage.Sealing;

namespace EdgeSentiment.Device.Storage;

/// <summary>
/// An exclusive lock on <c>DATABASE.lock</c> held for as long as the store is open. LiteDB's own
/// shared file lock lets a second process open the file; this one does not, so the technician's CLI
/// cannot write beside the agent.
/// </summary>
internal sealed class DatabaseLock : IDisposable
{
    private readonly FileStream _stream;

    private DatabaseLock(FileStream stream) => _stream = stream;

    public static DatabaseLock Acquire(string databasePath)
    {
        var lockPath = databasePath + ".lock";
        try
        {
            // FileShare.None takes flock(LOCK_EX | LOCK_NB) on Unix; it is released when the process dies.
            var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnlyFile.Mode;
            }

            var stream = new FileStream(lockPath, options);
            OwnerOnlyFile.Restrict(lockPath);
            return new DatabaseLock(stream);
        }
        catch (IOException e)
        {
            throw new StoreOpenException(
                $"the result database {databasePath} is in use by another process, normally the running agent: "
                + "stop it (systemctl stop edgesentiment) and try again",
                e)
            { InUse = true };
        }
        catch (UnauthorizedAccessException e)
        {
            throw new StoreOpenException($"cannot lock the result database {databasePath}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Takes the lock only when its file already exists (null otherwise), so a check run by another user
    /// (root) never leaves a lock file the service's user cannot open.
    /// </summary>
    public static DatabaseLock? TryAcquireExisting(string databasePath) =>
        File.Exists(databasePath + ".lock") ? Acquire(databasePath) : null;

    public void Dispose() => _stream.Dispose();
}
