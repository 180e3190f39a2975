using System.Diagnostics;

namespace EdgeSentiment.Testing;

/// <summary>Speaks test sentences into WAV files with Debian's espeak-ng, so speech tests need no recordings.</summary>
public static class EspeakNg
{
    public static void Speak(string text, string wavPath)
    {
        var start = new ProcessStartInfo("espeak-ng") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-v", "en-us", "-s", "150", "-w", wavPath, text })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("espeak-ng did not start");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"espeak-ng failed: {error}");
        }
    }
}
