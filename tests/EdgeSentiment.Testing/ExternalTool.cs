using System.Diagnostics;

namespace EdgeSentiment.Testing;

/// <summary>Runs a command-line tool that stands for what users run (age, opusdec), capturing its output.</summary>
public static class ExternalTool
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new Result(process.ExitCode, output, error.Result);
    }
}
