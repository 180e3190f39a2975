namespace EdgeSentiment.Cli.Tests.Doctor;

public sealed class HelpExamplesTests
{
    [Theory]
    [InlineData("doctor", "edgesentiment doctor --json")]
    [InlineData("config show", "edgesentiment config show --config-dir")]
    [InlineData("completion", "edgesentiment completion bash | sudo tee")]
    [InlineData("status", "edgesentiment status --json | jq .pipeline")]
    [InlineData("tail", "edgesentiment tail --count 20 --json")]
    [InlineData("history", "edgesentiment history --since 30m")]
    [InlineData("sessions start", "edgesentiment sessions start \"Evening screening, hall 2\"")]
    [InlineData("leds test", "edgesentiment leds test")]
    [InlineData("export", "edgesentiment export --format jsonl --socket state/control.sock")]
    [InlineData("analyze", "edgesentiment analyze samples/*.wav --json")]
    [InlineData("key generate", "edgesentiment key generate --out")]
    [InlineData("reviews open", "edgesentiment reviews open review.json.age -i studio-key.txt")]
    [InlineData("reviews receive", "edgesentiment reviews receive --broker broker.lan --ca-file mqtt-ca.pem --identity studio-key.txt --out reviews")]
    public void ACommandsHelp_EndsWithItsExamples(string command, string example)
    {
        var run = CliRun.Of([.. command.Split(' '), "--help"]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var examples = run.Out.IndexOf("Examples:", StringComparison.Ordinal);
        Assert.True(examples > run.Out.IndexOf("Options:", StringComparison.Ordinal), run.Out);
        Assert.Contains(example, run.Out[examples..], StringComparison.Ordinal);
    }

    [Fact]
    public void TheCommandList_StaysOneLinePerCommand()
    {
        var run = CliRun.Of("--help");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.DoesNotContain("Examples:", run.Out, StringComparison.Ordinal);
        Assert.Contains("doctor", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_IsShown_EvenWhenARequiredOptionIsMissing()
    {
        var run = CliRun.Of("key", "generate", "--help");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("--out", run.Out, StringComparison.Ordinal);
        Assert.Equal("", run.Error);
    }
}
