using System.CommandLine;
using EdgeSentiment.Cli.Terminal;
using EdgeSentiment.Device.Storage.Sealing;

namespace EdgeSentiment.Cli.Keys;

/// <summary><c>edgesentiment key generate --out PATH</c>: a new random key in a file only its owner can read.</summary>
public static class KeyGenerateCommand
{
    public static Command Create(CliConsole console)
    {
        var output = new Option<FileInfo>("--out")
        {
            Description = "Where to write the key (mode 0600); an existing file is never replaced.",
            Required = true,
        };
        var json = new Option<bool>("--json") { Description = "Print {\"keyId\",\"path\"} of the key written, as JSON." };
        var command = new Command("generate", "Write a new random 256-bit key for the result database.") { output, json }
            .WithExamples(
                "edgesentiment key generate --out /etc/edgesentiment/edgesentiment.key   # mode 0600, never overwrites",
                "edgesentiment key generate --out state/edgesentiment.key --json | jq -r .keyId");
        command.SetAction(parseResult => Run(parseResult.GetRequiredValue(output), parseResult.GetValue(json), console));
        return command;
    }

    private static int Run(FileInfo output, bool json, CliConsole console)
    {
        if (output.Exists)
        {
            console.Fail($"{output.FullName} already exists; it was not replaced (a lost key makes the database unreadable). "
                + "Move it aside first if you really mean to make a new key.");
            return ExitCodes.Failed;
        }

        try
        {
            output.Directory?.Create();
            using var key = StoreKey.Generate();
            StoreKeyFile.Write(output.FullName, key);
            if (json)
            {
                JsonOutput.WriteObject(console.Out, writer =>
                {
                    writer.WriteString("keyId", key.Id);
                    writer.WriteString("path", output.FullName);
                });
            }
            else
            {
                console.Out.WriteLine($"wrote key {key.Id} to {output.FullName} (mode 0600); keep a copy somewhere safe");
            }

            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Fail($"cannot write {output.FullName}: {e.Message}");
            return ExitCodes.Failed;
        }
    }
}
