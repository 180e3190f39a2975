using EdgeSentiment.Testing;

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
        List<string> arguments = ["scripts/train", "--smoke", "--out", OutputFolder, .. settings];

        // The test build already holds the command-line tool; using it avoids a nested dotnet build.
        var cli = Path.Combine(AppContext.BaseDirectory, "edgesentiment.dll");
        if (File.Exists(cli) && File.Exists(Path.Combine(AppContext.BaseDirectory, "edgesentiment.runtimeconfig.json")))
        {
            arguments.AddRange(["--cli", cli]);
        }

        var run = PythonScript.Run(arguments, timeout: Timeout);
        (ExitCode, Output) = (run.ExitCode, run.Output);
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
}
