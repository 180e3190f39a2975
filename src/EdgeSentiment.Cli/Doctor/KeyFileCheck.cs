using EdgeSentiment.Device.Storage.Sealing;

namespace EdgeSentiment.Cli.Doctor;

/// <summary>The store's key file is there, only its owner can read it, and it holds a key: the agent's own checks (<see cref="StoreKeyFile.Load"/>).</summary>
public sealed class KeyFileCheck : IDoctorCheck
{
    private const UnixFileMode GroupOrOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    public string Name => "key";

    public Task<CheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.KeyPath;
        try
        {
            using var key = StoreKeyFile.Load(path);
            return Task.FromResult(CheckResult.Pass(Name, $"{path} holds key {key.Id}, readable by its owner only"));
        }
        catch (StoreKeyException e)
        {
            return Task.FromResult(Failure(path, e.Message));
        }
    }

    // The agent's message says what is wrong and how to mend it; for the two common cases the finding
    // and the fix are split so the fix line is just the command.
    private CheckResult Failure(string path, string message)
    {
        if (!File.Exists(path))
        {
            return CheckResult.Fail(Name, $"no key file at {path} (Store:KeyFile)", $"edgesentiment key generate --out {path}   (or restore the key from its backup)");
        }

        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & GroupOrOthers) is var open && open != 0)
        {
            var mode = Convert.ToString((int)File.GetUnixFileMode(path) & 0x1FF, 8).PadLeft(4, '0');
            return CheckResult.Fail(Name, $"{path} is open to other users (mode {mode}); the agent refuses such a key", $"chmod 600 {path}");
        }

        return CheckResult.Fail(Name, message, $"restore the key file from its backup to {path}; run doctor with sudo if it is not readable by you");
    }
}
