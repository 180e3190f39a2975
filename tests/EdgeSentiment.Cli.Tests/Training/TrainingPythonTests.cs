using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Training;

/// <summary>
/// The training code's own tests, run with Debian's python3 like the scripts: <c>scripts/training/tests.py</c>
/// (settings, the experiments' extension point, folds over several corpora, forked members,
/// manifests and the padding of short clips) and <c>scripts/text/tests.py</c> (the idf of each
/// bucket, unit length, the training-side weighting against the model's, the L-BFGS solve).
/// </summary>
public sealed class TrainingPythonTests
{
    [Theory]
    [InlineData("training.tests")]
    [InlineData("text.tests")]
    public void CodeTests_AllPass(string module)
    {
        var run = PythonScript.Run(["-m", module], folder: "scripts");

        Assert.True(run.ExitCode == 0, $"python3 -m {module} exited with {run.ExitCode}:\n{run.Output}");
        Assert.Contains(" passed, 0 failed", run.Out, StringComparison.Ordinal);
    }
}
