using EdgeSentiment.Cli.App;

namespace EdgeSentiment.Cli.Tests;

/// <summary>Runs the <c>edgesentiment</c> command tree in-process and captures what it printed.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, new CliConsole(output, error, IsInteractive: false));
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
