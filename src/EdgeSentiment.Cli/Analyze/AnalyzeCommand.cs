using System.CommandLine;
using EdgeSentiment.Cli.Terminal;
using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Audio;
using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Cli.Analyze;

/// <summary><c>edgesentiment analyze FILE... [--model PATH] [--json]</c>: the sentiment of recordings.</summary>
public static class AnalyzeCommand
{
    public static Command Create(CliConsole console)
    {
        var files = new Argument<FileInfo[]>("FILE")
        {
            Description = "WAV recordings to analyze (any PCM or float format, any rate, mono or more channels).",
            Arity = ArgumentArity.OneOrMore,
        };
        files.Validators.Add(result =>
        {
            // A misspelt option would otherwise be taken for a file name and fail as "file not found".
            foreach (var token in result.Tokens)
            {
                if (token.Value.StartsWith('-'))
                {
                    result.AddError($"unknown option '{token.Value}' (a file whose name starts with '-' is written ./{token.Value}).");
                }
            }
        });
        var model = ModelOption.Create();
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout instead of tables." };

        var command = new Command("analyze", "Sentiment of each stretch of speech and of each whole recording.")
        {
            files,
            model,
            json,
        }.WithExamples(
            "edgesentiment analyze samples/*.wav            # a table per file",
            "edgesentiment analyze samples/*.wav --json     # one JSON document");
        command.SetAction(parseResult => Run(
            parseResult.GetRequiredValue(files),
            ModelOption.PathOf(parseResult.GetValue(model)),
            parseResult.GetValue(json),
            console));
        return command;
    }

    private static int Run(FileInfo[] files, string modelPath, bool json, CliConsole console)
    {
        RecordingAnalyzer analyzer;
        try
        {
            analyzer = RecordingAnalyzer.Load(modelPath);
        }
        catch (ModelLoadException e)
        {
            console.Fail(e.Message);
            return ExitCodes.Failed;
        }

        using (analyzer)
        {
            // The audio streams through a block at a time; only the few bytes of each window's result are kept.
            var reports = new List<FileReport>(files.Length);
            var failed = 0;
            foreach (var file in files)
            {
                try
                {
                    using var audio = RecordingReader.Open(file.FullName, analyzer.SampleRate);
                    var progress = new AnalysisProgress(console.Error, file.ToString(), audio.ExpectedSamples, audio.SampleRate);
                    var report = new FileReport(file.ToString(), analyzer.Analyze(audio, progress));
                    if (json)
                    {
                        reports.Add(report);
                    }
                    else
                    {
                        AnalysisTable.Write(console.Out, [report], analyzer.Model);
                        console.Out.Flush();
                    }
                }
                catch (AudioFormatException e)
                {
                    console.Fail(e.Message);
                    failed++;
                }
            }

            if (json)
            {
                AnalysisJson.Write(console.Out, reports, analyzer.Model);
            }

            return failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        }
    }
}
