using EdgeSentiment.Testing;

namespace EdgeSentiment.Core.Tests.Text;

/// <summary>
/// Runs <c>scripts/train-text --smoke</c> once for the tests of the class: the whole text training
/// (featurizing, simulated recognition errors, fitting, ONNX export, reference scores) on a tiny
/// generated corpus, so the suite needs no dataset.
/// </summary>
public sealed class TextTrainingSmokeRun : IDisposable
{
    public TextTrainingSmokeRun()
    {
        OutputFolder = Path.Combine(Path.GetTempPath(), "edgesentiment-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(OutputFolder);
        Script = PythonScript.Run(["scripts/train-text", "--smoke", "--out", OutputFolder, "--c", "1;16"]);
    }

    public string OutputFolder { get; }

    public PythonScript Script { get; }

    public void Dispose()
    {
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
