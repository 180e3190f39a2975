using EdgeSentiment.Device.Storage;
using EdgeSentiment.Device.Storage.Sealing;

namespace EdgeSentiment.Cli.Doctor;

/// <summary>
/// The result database opens and the key decrypts it, read-only through the store's own code. When the
/// running agent holds it (its lock file), that is reported and the file is left alone.
/// </summary>
public sealed class DatabaseCheck : IDoctorCheck
{
    public string Name => "database";

    public Task<CheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(Check(context));
    }

    // The agent's own status (when a source is plugged in) tells which key it opened the database with;
    // a key file that no longer matches would stop the agent at its next start.
    private CheckResult HeldByAgent(DoctorContext context, string path, LockHolder holder)
    {
        var held = $"{path} is held by the running agent (pid {holder.ProcessId}); not opened";
        if (context.AgentStatus?.StoreKeyId is not { } agentKey)
        {
            return CheckResult.Pass(Name, held);
        }

        try
        {
            using var key = StoreKeyFile.Load(context.KeyPath);
            return string.Equals(key.Id, agentKey, StringComparison.Ordinal)
                ? CheckResult.Pass(Name, $"{held}; the agent uses key {agentKey}, the key file's")
                : CheckResult.Warn(Name, $"{held}; the agent uses key {agentKey} but {context.KeyPath} holds key {key.Id}, so the next start will refuse the database", $"restore the key file with id {agentKey} to {context.KeyPath} before the agent restarts");
        }
        catch (StoreKeyException)
        {
            return CheckResult.Pass(Name, held);
        }
    }

    private static string DamagedFix(DoctorContext context, string path) =>
        $"restore {path} from a backup; or, to start anew without its records, move it aside (sudo mv {path} {path}.damaged) "
        + $"and restart the agent, which makes a new, empty database (or set Store:DatabasePath in {context.ConfigurationHint})";

    private CheckResult Check(DoctorContext context)
    {
        var path = context.DatabasePath;
        if (context.DatabaseHolder is { } holder)
        {
            return context.AgentHolder is not null
                ? HeldByAgent(context, path, holder)
                : CheckResult.Warn(Name, $"{path} is held by another process (pid {holder.ProcessId}: {holder.CommandLine})", $"let it finish, or stop it ('kill {holder.ProcessId}'), then run doctor again");
        }

        if (!File.Exists(path))
        {
            return CheckResult.Warn(Name, $"no result database at {path} yet; the agent creates it when it starts", $"start the agent ('systemctl start {ServiceCheck.Unit}'), or set Store:DatabasePath in {context.ConfigurationHint}");
        }

        // Read before LiteDB opens it: a damaged header or a file cut short is named, not an exception of LiteDB's.
        if (StoreFileCheck.Problem(path) is { } damage)
        {
            return CheckResult.Fail(Name, $"{path} is damaged: {damage}; the agent will not start on it", DamagedFix(context, path));
        }

        var keyPath = context.KeyPath;
        StoreKey key;
        try
        {
            key = StoreKeyFile.Load(keyPath);
        }
        catch (StoreKeyException)
        {
            return CheckResult.Warn(Name, $"{path} was not opened: the key is not usable (see the key check)", "fix the key first");
        }

        try
        {
            using (key)
            {
                var result = StoreProbe.Check(path, key, keyPath);
                if (result.Unreadable > 0)
                {
                    return CheckResult.Fail(Name, $"{result.Unreadable} of the {result.Checked} newest records in {path} fail authentication (altered or swapped)", "keep the file for inspection; 'edgesentiment export' reads the records that still authenticate");
                }

                return result.KeyId is null
                    ? CheckResult.Pass(Name, $"{path} opens; it is new and holds no records yet")
                    : CheckResult.Pass(Name, $"{path} opens read-only and key {result.KeyId} decrypts it ({result.Records} records, the newest of each kind checked)");
            }
        }
        catch (StoreKeyException e)
        {
            var fix = e.Message.Contains("rotation", StringComparison.Ordinal)
                ? "stop the agent and run 'edgesentiment key rotate' again to finish the rotation"
                : $"restore the key file the database was written with to {keyPath} (Store:KeyFile); a new key cannot read old records";
            return CheckResult.Fail(Name, e.Message, fix);
        }
        catch (StoreOpenException e) when (e.InUse)
        {
            return CheckResult.Warn(Name, $"{path} is in use by another process", "run doctor again when the agent or the other command is done");
        }
        catch (StoreOpenException e)
        {
            return CheckResult.Fail(Name, e.Message, DamagedFix(context, path));
        }
        catch (Exception e) when (StoreFileCheck.IsDamage(e))
        {
            return CheckResult.Fail(Name, $"{path} is damaged: LiteDB cannot read it ({StoreFileCheck.Readable(e.Message)}); its records are lost to the agent, export and history", DamagedFix(context, path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CheckResult.Fail(Name, $"{path} does not open: {e.Message}", "run doctor as the service's user or with sudo; if it still fails, move the file aside and keep it for inspection");
        }
    }
}
