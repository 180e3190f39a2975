using System.Diagnostics;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Core.Tests.Text;

/// <summary>Runs one of the repository's Python scripts with Debian's python3 and captures what it printed.</summary>
public sealed record PythonScript(int ExitCode, string Out, string Error)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static PythonScript Run(string script, IReadOnlyList<string> arguments, string? input = null)
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input ?? "");
        process.StandardInput.Close();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new PythonScript(-1, output.Result, error.Result + $"\n{script} stopped after {Timeout}");
        }

        process.WaitForExit();
        return new PythonScript(process.ExitCode, output.Result, error.Result);
    }
}
