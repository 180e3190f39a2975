using System.CommandLine;

namespace EdgeSentiment.Cli.Terminal;

/// <summary><c>edgesentiment completion bash|zsh</c>: prints a shell script that completes the tool's commands and options.</summary>
public static class CompletionCommand
{
    public static Command Create(CliConsole console)
    {
        var shell = new Argument<string>("shell") { Description = "bash or zsh." };
        shell.AcceptOnlyFromAmong("bash", "zsh");
        var command = new Command(
            "completion",
            "Print a tab-completion script for bash or zsh. The script asks edgesentiment itself (its [suggest] directive) "
            + "what may follow, so it always matches this version.")
        {
            shell,
        }.WithExamples(
            "edgesentiment completion bash | sudo tee /etc/bash_completion.d/edgesentiment",
            "edgesentiment completion zsh > ~/.zfunc/_edgesentiment   # with fpath+=(~/.zfunc) before compinit");
        command.SetAction(parseResult =>
        {
            console.Out.Write(CompletionScripts.For(parseResult.GetRequiredValue(shell)));
            return ExitCodes.Ok;
        });
        return command;
    }
}
