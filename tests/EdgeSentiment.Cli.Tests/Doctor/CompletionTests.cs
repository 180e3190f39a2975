using System.Diagnostics;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Doctor;

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
        var words = line.Split(' ');

        var suggestions = Complete("bash", "edgesentiment.bash", script => ["-c",
            $"source '{script}'; COMP_WORDS=({line}); COMP_CWORD={words.Length - 1}; COMP_LINE='{line}'; COMP_POINT={line.Length}; "
            + "_edgesentiment_complete; printf '%s\\n' \"${COMPREPLY[@]}\""]);

        Assert.Equal([expected], suggestions);
    }

    [Theory]
    [InlineData("edgesentiment do", "doctor")]
    [InlineData("edgesentiment doctor --j", "--json")]
    [InlineData("edgesentiment config s", "show")]
    public void Zsh_CompletesWithTheScript(string line, string expected)
    {
        // compsys only runs inside an interactive line editor: stand-ins for compdef and compadd
        // let the script's function run as zsh would call it, with the words and cursor it would set.
        var suggestions = Complete("zsh", "_edgesentiment", script => ["-f", "-c",
            "compdef() { :; }; compadd() { [[ $1 == -a ]] && print -l -- \"${(@P)2}\"; }; "
            + $"source '{script}'; words=({line}); BUFFER='{line}'; CURSOR=${{#BUFFER}}; _edgesentiment"]);

        Assert.Equal([expected], suggestions);
    }

    /// <summary>Runs <paramref name="shell"/> on the script <c>completion</c> prints for it; returns the suggestions it printed.</summary>
    private static string[] Complete(string shell, string scriptName, Func<string, string[]> arguments)
    {
        Assert.True(File.Exists(Executable), $"{Executable} is missing; the CLI's program should be built beside the tests");
        using var folder = new TempFolder();
        var script = folder.Write(scriptName, CliRun.Of("completion", shell).Out);
        var start = new ProcessStartInfo(shell)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments(script))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PATH"] = AppContext.BaseDirectory + ":" + Environment.GetEnvironmentVariable("PATH");
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{shell} did not start; scripts/test installs it");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.True(process.ExitCode == 0, error);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
