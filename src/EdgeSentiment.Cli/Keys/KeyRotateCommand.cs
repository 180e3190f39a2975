using System.CommandLine;
using EdgeSentiment.Cli.Terminal;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Device.Storage.Sealing;

namespace EdgeSentiment.Cli.Keys;

/// <summary>
/// <c>edgesentiment key rotate [--database PATH] [--key PATH]</c>: re-encrypts every record under a new
/// key; safe to interrupt and run again.
/// </summary>
public static class KeyRotateCommand
{
    public static Command Create(CliConsole console)
    {
        var database = StoreFileOptions.Database();
        var key = StoreFileOptions.Key();
        var json = new Option<bool>("--json")
        {
            Description = "Print {\"database\",\"keyFile\",\"oldKeyId\",\"newKeyId\",\"resealed\",\"unreadable\"} as JSON.",
        };
        var command = new Command(
            "rotate",
            "Re-encrypt every record under a new key, then replace the key file. Stop the agent first. "
            + "If interrupted, run it again: it continues where it stopped.")
        {
            database,
            key,
            json,
        }.WithExamples(
            "sudo systemctl stop edgesentiment && sudo edgesentiment key rotate && sudo systemctl start edgesentiment",
            "sudo edgesentiment key rotate --json | jq .resealed");
        command.SetAction(parseResult => Run(
            parseResult.GetRequiredValue(database), parseResult.GetRequiredValue(key), parseResult.GetValue(json), console));
        return command;
    }

    private static int Run(string databasePath, string keyPath, bool json, CliConsole console)
    {
        try
        {
            var result = KeyRotation.Rotate(databasePath, keyPath);
            if (json)
            {
                JsonOutput.WriteObject(console.Out, writer =>
                {
                    writer.WriteString("database", databasePath);
                    writer.WriteString("keyFile", keyPath);
                    writer.WriteString("oldKeyId", result.OldKeyId);
                    writer.WriteString("newKeyId", result.NewKeyId);
                    writer.WriteNumber("resealed", result.Resealed);
                    writer.WriteNumber("unreadable", result.Unreadable);
                });
            }
            else
            {
                console.Out.WriteLine(
                    $"rotated {databasePath} from key {result.OldKeyId} to key {result.NewKeyId}: "
                    + $"{result.Resealed} records re-encrypted; {keyPath} now holds the new key");
            }

            if (result.Unreadable > 0)
            {
                console.Fail($"{result.Unreadable} records failed authentication (altered or swapped) and were left as they were");
                return ExitCodes.Failed;
            }

            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is StoreKeyException or StoreOpenException)
        {
            console.Fail(e.Message);
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or LiteDB.LiteException)
        {
            console.Fail($"the rotation stopped ({e.Message}); no record was lost: fix the cause and run 'edgesentiment key rotate' again");
            return ExitCodes.Failed;
        }
    }
}
