using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Training;

/// <summary>
/// The training code's own tests (<c>scripts/training/tests.py</c>: settings, the experiments'
/// extension point, folds over several corpora, forked members, manifests and the padding of
/// short clips), run with Debian's python3 like <c>scripts/train</c>.
/// </summary>
public sealed class TrainingPythonTests
{
    [Fact]
    public void TrainingCodeTests_AllPass()
    {
        var run = PythonScript.Run(["-m", "training.tests"], folder: "scripts");

        Assert.True(run.ExitCode == 0, $"python3 -m training.tests exited with {run.ExitCode}:\n{run.Output}");
        Assert.Contains(" passed, 0 failed", run.Out, StringComparison.Ordinal);
    }
}
