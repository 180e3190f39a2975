using EdgeSentiment.Testing;

namespace EdgeSentiment.Core.Tests.Text;

/// <summary>
/// The text training code's own tests (<c>scripts/text/tests.py</c>: the idf of each bucket, unit
/// length, the same scores from the training-side weighting and the model's, the L-BFGS solve), run
/// with Debian's python3 like <c>scripts/train-text</c>.
/// </summary>
public sealed class TextTrainingPythonTests
{
    [Fact]
    public void TextTrainingCodeTests_AllPass()
    {
        var run = PythonScript.Run(["-m", "text.tests"], folder: "scripts");

        Assert.True(run.ExitCode == 0, $"python3 -m text.tests exited with {run.ExitCode}:\n{run.Out}\n{run.Error}");
        Assert.Contains(" passed, 0 failed", run.Out, StringComparison.Ordinal);
    }
}
