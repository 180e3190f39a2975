using System.Diagnostics;
using EdgeSentiment.Cli;
using EdgeSentiment.Core.Tests;

namespace EdgeSentiment.Integration.Tests.Doctor;

public sealed class CompletionTests
{
    private static readonly string Executable = Path.Combine(AppContext.BaseDirectory, "edgesentiment");

    [Fact]
    public void TheSuggestDirective_OffersTheSubcommandsThatMatch()
    {
        var run = CliRun.Of("[suggest:16]", "edgesentiment do");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(["doctor"], run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void TheSuggestDirective_OffersEverySubcommandAfterTheProgramName()
    {
        var run = CliRun.Of("[suggest:14]", "edgesentiment ");

        var suggestions = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("doctor", suggestions);
        Assert.Contains("config", suggestions);
        Assert.Contains("completion", suggestions);
        Assert.Contains("analyze", suggestions);
    }

    [Theory]
    [InlineData("bash", "complete -o default -F _edgesentiment_complete edgesentiment")]
    [InlineData("zsh", "#compdef edgesentiment")]
    public void TheScript_IsPrinted_AndAsksTheSuggestDirective(string shell, string expected)
    {
        var run = CliRun.Of("completion", shell);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains(expected, run.Out, StringComparison.Ordinal);
        Assert.Contains("[suggest:", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownShell_IsAUsageError()
    {
        var run = CliRun.Of("completion", "fish");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
    }

    [Theory]
    [InlineData("edgesentiment do", "doctor")]
    [InlineData("edgesentiment doctor --j", "--json")]
    [InlineData("edgesentiment config s", "show")]
    public void Bash_CompletesWithTheScript(string line, string expected)
    {
        Assert.True(File.Exists(Executable), $"{Executable} is missing; the CLI's program should be built beside the tests");
        using var folder = new TempFolder();
        var script = folder.Write("edgesentiment.bash", CliRun.Of("completion", "bash").Out);
        var words = line.Split(' ');
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList =
            {
                "-c",
                $"source '{script}'; COMP_WORDS=({line}); COMP_CWORD={words.Length - 1}; COMP_LINE='{line}'; COMP_POINT={line.Length}; "
                + "_edgesentiment_complete; printf '%s\\n' \"${COMPREPLY[@]}\"",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PATH"] = AppContext.BaseDirectory + ":" + Environment.GetEnvironmentVariable("PATH");
        using var bash = Process.Start(start)!;
        var output = bash.StandardOutput.ReadToEnd();
        var error = bash.StandardError.ReadToEnd();
        bash.WaitForExit();

        Assert.True(bash.ExitCode == 0, error);
        Assert.Equal([expected], output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
