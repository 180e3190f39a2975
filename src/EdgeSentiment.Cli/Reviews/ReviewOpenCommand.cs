using System.CommandLine;
using EdgeSentiment.Cli.Terminal;
using EdgeSentiment.Device.Booth.Age;

namespace EdgeSentiment.Cli.Reviews;

/// <summary>
/// <c>edgesentiment reviews open FILE.age --identity KEY [--out FILE]</c>: decrypts one sealed review
/// file with the studio's age identity, as <c>age -d -i KEY</c> would.
/// </summary>
public static class ReviewOpenCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("file") { Description = "The sealed file (.age) the booth wrote." };
        var identity = new Option<FileInfo>("--identity", "-i")
        {
            Description = "The studio's age identity file (made by age-keygen).",
            Required = true,
        };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Where to write the opened file. Default: FILE without .age." };
        var command = new Command(
            "open",
            "Decrypt one sealed review file with the studio's age identity. Nothing is written unless the whole "
            + "file opens: an altered or truncated file, or one sealed to another key, is refused.")
        {
            file,
            identity,
            output,
        }.WithExamples(
            "edgesentiment reviews open 20261204T173000Z-foyer-1.opus.age --identity studio-key.txt",
            "edgesentiment reviews open review.json.age -i studio-key.txt --out review.json");
        command.SetAction(parseResult => Run(
            parseResult.GetRequiredValue(file),
            parseResult.GetRequiredValue(identity),
            parseResult.GetValue(output),
            console));
        return command;
    }

    private static int Run(FileInfo file, FileInfo identityFile, FileInfo? output, CliConsole console)
    {
        var target = output?.FullName ?? DefaultOutput(file.FullName);
        if (output is null && File.Exists(target))
        {
            console.Fail($"{target} already exists; remove it or choose another file with --out");
            return ExitCodes.Failed;
        }

        if (SealedFiles.ReadIdentities(identityFile, console) is not { } identities)
        {
            return ExitCodes.Failed;
        }

        try
        {
            using var input = OpenInput(file.FullName);
            SealedFiles.OpenTo(input, identities, target);
            console.Error.WriteLine($"Opened {file.Name} -> {target}");
            return ExitCodes.Ok;
        }
        catch (AgeException e)
        {
            console.Fail($"{file.Name}: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Fail($"{file.Name}: {e.Message}");
            return ExitCodes.Failed;
        }
        finally
        {
            foreach (var identity in identities)
            {
                identity.Dispose();
            }
        }
    }

    private static FileStream OpenInput(string path) =>
        File.Exists(path) ? File.OpenRead(path) : throw new IOException($"no such file; check the path");

    private static string DefaultOutput(string path) =>
        path.EndsWith(".age", StringComparison.OrdinalIgnoreCase) ? path[..^4] : path + ".opened";
}
