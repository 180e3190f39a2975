using System.Diagnostics;

namespace EdgeSentiment.Testing;

/// <summary>Runs a program to its end and keeps what it printed.</summary>
public sealed record ProcessRun(int ExitCode, string Out, string Error)
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(2);

    /// <summary>How the tests start a program: both streams captured, in the temp folder, with <paramref name="environment"/> added.</summary>
    public static ProcessStartInfo StartInfo(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>The built <c>edgesentiment</c> beside the tests, run by the dotnet host.</summary>
    public static string CliAssembly => Path.Combine(AppContext.BaseDirectory, "edgesentiment.dll");

    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    public static async Task<ProcessRun> OfAsync(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = StartInfo(fileName, arguments, environment);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(Generous);
        await process.WaitForExitAsync(deadline.Token);
        return new ProcessRun(process.ExitCode, await output, await error);
    }
}
