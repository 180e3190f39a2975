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
        var (exitCode, output) = PythonScript.Run("scripts", ["-m", "training.tests"], TimeSpan.FromMinutes(5));

        Assert.True(exitCode == 0, $"python3 -m training.tests exited with {exitCode}:\n{output}");
        Assert.Contains(" passed, 0 failed", output, StringComparison.Ordinal);
    }
}
