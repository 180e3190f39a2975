using System.Diagnostics;
using System.Text;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Training;

/// <summary>Runs Debian's python3 in a folder of the repository and keeps everything it printed.</summary>
public static class PythonScript
{
    /// <summary>The exit code (-1 when stopped after <paramref name="timeout"/>) and the output of both streams.</summary>
    public static (int ExitCode, string Output) Run(string folder, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            WorkingDirectory = Path.Combine(RepositoryPaths.Root, folder),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exitCode = -1;
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        else
        {
            process.WaitForExit();
            exitCode = process.ExitCode;
        }

        lock (output)
        {
            return (exitCode, output.ToString());
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
