using System.CommandLine;
using EdgeSentiment.Cli.Analyze;
using EdgeSentiment.Cli.Bench;
using EdgeSentiment.Cli.Booth;
using EdgeSentiment.Cli.Config;
using EdgeSentiment.Cli.Devices;
using EdgeSentiment.Cli.Doctor;
using EdgeSentiment.Cli.Eval;
using EdgeSentiment.Cli.Export;
using EdgeSentiment.Cli.Features;
using EdgeSentiment.Cli.History;
using EdgeSentiment.Cli.Keys;
using EdgeSentiment.Cli.Leds;
using EdgeSentiment.Cli.Reviews;
using EdgeSentiment.Cli.Sessions;
using EdgeSentiment.Cli.Status;
using EdgeSentiment.Cli.Tail;
using EdgeSentiment.Cli.Terminal;
using EdgeSentiment.Cli.Transcribe;
using EdgeSentiment.Cli.Transcripts;

namespace EdgeSentiment.Cli.App;

/// <summary>The <c>edgesentiment</c> command tree.</summary>
public static class CliApp
{
    public static RootCommand Build(CliConsole console)
    {
        var root = new RootCommand("EdgeSentiment: speech sentiment on the device, from the command line.");
        root.Subcommands.Add(AnalyzeCommand.Create(console));
        root.Subcommands.Add(EvalCommand.Create(console));
        root.Subcommands.Add(EvalTextCommand.Create(console));
        root.Subcommands.Add(TranscribeCommand.Create(console));
        root.Subcommands.Add(DevicesCommand.Create(console));
        root.Subcommands.Add(FeaturesCommand.Create(console));
        root.Subcommands.Add(KeyCommand.Create(console));
        root.Subcommands.Add(ExportCommand.Create(console));
        root.Subcommands.Add(BenchCommand.Create(console));
        root.Subcommands.Add(StatusCommand.Create(console));
        root.Subcommands.Add(TailCommand.Create(console));
        root.Subcommands.Add(HistoryCommand.Create(console));
        root.Subcommands.Add(SessionsCommand.Create(console));
        root.Subcommands.Add(TranscriptsCommand.Create(console));
        root.Subcommands.Add(LedsCommand.Create(console));
        root.Subcommands.Add(BoothCommand.Create(console));
        root.Subcommands.Add(DoctorCommand.Create(console));
        root.Subcommands.Add(ConfigCommand.Create(console));
        root.Subcommands.Add(ReviewsCommand.Create(console));
        root.Subcommands.Add(CompletionCommand.Create(console));
        HelpExamples.Install(root);
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code.</summary>
    public static int Run(string[] args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var parseResult = Build(console).Parse(args);
        // --help answers even when the rest of the line is incomplete ('key generate --help' without --out).
        if (parseResult.Errors.Count > 0 && !HelpExamples.IsHelp(parseResult))
        {
            foreach (var error in parseResult.Errors)
            {
                console.Fail(error.Message);
            }

            console.Error.WriteLine("Try 'edgesentiment --help'.");
            return ExitCodes.Usage;
        }

        return parseResult.Invoke(new InvocationConfiguration { Output = console.Out, Error = console.Error });
    }
}
