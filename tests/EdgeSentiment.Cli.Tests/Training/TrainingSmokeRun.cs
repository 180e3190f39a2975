using System.Diagnostics;
using System.Text;

namespace EdgeSentiment.Cli.Tests.Training;

/// <summary>
/// Runs <c>scripts/train --smoke</c> once for the tests of the class: a one-epoch training on a
/// synthetic corpus, through the real C# feature export, ONNX export and int8 quantization.
/// </summary>
public class TrainingSmokeRun : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public TrainingSmokeRun()
        : this([])
    {
    }

    /// <summary>A smoke run with settings of the training on top (<c>--name value</c> pairs).</summary>
    protected TrainingSmokeRun(IReadOnlyList<string> settings)
    {
        OutputFolder = Path.Combine(Path.GetTempPath(), "edgesentiment-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(OutputFolder);
        var root = FindRepositoryRoot();

        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("scripts/train");
        start.ArgumentList.Add("--smoke");
        start.ArgumentList.Add("--out");
        start.ArgumentList.Add(OutputFolder);
        foreach (var setting in settings)
        {
            start.ArgumentList.Add(setting);
        }

        // The test build already holds the command-line tool; using it avoids a nested dotnet build.
        var cli = Path.Combine(AppContext.BaseDirectory, "edgesentiment.dll");
        if (File.Exists(cli) && File.Exists(Path.Combine(AppContext.BaseDirectory, "edgesentiment.runtimeconfig.json")))
        {
            start.ArgumentList.Add("--cli");
            start.ArgumentList.Add(cli);
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            ExitCode = -1;
        }
        else
        {
            process.WaitForExit();
            ExitCode = process.ExitCode;
        }

        Output = output.ToString();
    }

    public string OutputFolder { get; }

    /// <summary>The script's exit code, or -1 when it was stopped after the timeout.</summary>
    public int ExitCode { get; }

    /// <summary>Everything the script printed, for failure messages.</summary>
    public string Output { get; }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        try
        {
            Directory.Delete(OutputFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a test must not fail on clean-up.
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

    private static string FindRepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "EdgeSentiment.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName
            ?? throw new InvalidOperationException($"EdgeSentiment.sln not found above {AppContext.BaseDirectory}");
    }
}
