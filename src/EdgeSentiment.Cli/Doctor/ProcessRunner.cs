using System.ComponentModel;
using System.Diagnostics;

namespace EdgeSentiment.Cli.Doctor;

/// <summary>Runs programs found on the PATH, with a time limit, capturing their output.</summary>
public sealed class ProcessRunner : IProcessRunner
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    public async Task<ProcessResult?> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The checks read the programs' words, so they must not be translated.
        start.Environment["LC_ALL"] = "C";
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            return null;
        }

        using (process)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Limit);
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
                return new ProcessResult(process.ExitCode, (await output).Trim(), (await error).Trim());
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                return new ProcessResult(-1, "", $"{program} did not answer within {Limit.TotalSeconds:0} s");
            }
        }
    }
}
