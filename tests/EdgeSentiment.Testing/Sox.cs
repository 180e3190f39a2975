using System.Diagnostics;

namespace EdgeSentiment.Testing;

/// <summary>Converts test audio with sox, a tool independent of our own WAV code.</summary>
public static class Sox
{
    public static void Run(params string[] args)
    {
        var start = new ProcessStartInfo("sox") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("sox did not start");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"sox {string.Join(' ', args)} failed: {error}");
        }
    }
}
