using System.Diagnostics;
using System.Text;

namespace EdgeSentiment.Testing;

/// <summary>
/// Runs Debian's python3, as the repository's scripts are run, in a folder of the repository with
/// the given text on its standard input, and keeps both streams.
/// </summary>
public sealed record PythonScript(int ExitCode, string Out, string Error)
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Both streams, for failure messages and for lines a script writes to either.</summary>
    public string Output => Out + Error;

    /// <summary>Runs <c>python3 ARGUMENTS</c> in <paramref name="folder"/> (relative to the repository's root);
    /// the exit code is -1 when it was stopped after <paramref name="timeout"/> (default 5 minutes).</summary>
    public static PythonScript Run(IReadOnlyList<string> arguments, string folder = ".", string? input = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            WorkingDirectory = Path.Combine(RepositoryPaths.Root, folder),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input ?? "");
        process.StandardInput.Close();
        var limit = timeout ?? DefaultTimeout;
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new PythonScript(-1, output.Result, error.Result + $"\npython3 {string.Join(' ', arguments)} stopped after {limit}");
        }

        process.WaitForExit();
        return new PythonScript(process.ExitCode, output.Result, error.Result);
    }
}
