using System.CommandLine;
using EdgeSentiment.Cli.Terminal;
using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Audio;
using EdgeSentiment.Core.Fusion;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Core.Text;
using EdgeSentiment.Device.Transcription;
using EdgeSentiment.Device.Transcription.PocketSphinx;

namespace EdgeSentiment.Cli.Analyze;

/// <summary><c>edgesentiment analyze FILE... [--model PATH] [--json] [--words]</c>: the sentiment of recordings.</summary>
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
        var words = new Option<bool>("--words")
        {
            Description = "Also transcribe each utterance (PocketSphinx) and fuse what the words say with the voice.",
        };

        var command = new Command("analyze", "Sentiment of each stretch of speech and of each whole recording.")
        {
            files,
            model,
            json,
            words,
        }.WithExamples(
            "edgesentiment analyze samples/*.wav            # a table per file",
            "edgesentiment analyze samples/*.wav --json     # one JSON document",
            "edgesentiment analyze review.wav --words       # per utterance: transcript, voice, words, fused");
        command.SetAction(parseResult => Run(
            parseResult.GetRequiredValue(files),
            ModelOption.PathOf(parseResult.GetValue(model)),
            parseResult.GetValue(json),
            parseResult.GetValue(words),
            console));
        return command;
    }

    private static int Run(FileInfo[] files, string modelPath, bool json, bool words, CliConsole console)
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

        WordsAnalysis? wordsAnalysis = null;
        if (words)
        {
            try
            {
                var text = new TextModelWords(TextSentimentClassifier.Load(TextModelFiles.DefaultPath));
                try
                {
                    wordsAnalysis = new WordsAnalysis(PocketSphinxTranscriber.Open(), text, new LateFusion());
                }
                catch
                {
                    text.Dispose();
                    throw;
                }
            }
            catch (Exception e) when (e is TranscriptionException or ModelLoadException)
            {
                analyzer.Dispose();
                console.Fail(e.Message);
                return ExitCodes.Failed;
            }
        }

        using (analyzer)
        using (wordsAnalysis)
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
                    var result = analyzer.Analyze(audio, progress);
                    IReadOnlyList<UtteranceReport>? utterances = null;
                    if (wordsAnalysis is not null)
                    {
                        // A second pass over the file that keeps only the utterances' audio: the
                        // utterances are known only once every window is classified.
                        using var again = RecordingReader.Open(file.FullName, analyzer.SampleRate);
                        utterances = wordsAnalysis.Analyze(again, result);
                    }

                    var report = new FileReport(file.ToString(), result, utterances);
                    if (json)
                    {
                        reports.Add(report);
                    }
                    else
                    {
                        AnalysisTable.Write(console.Out, [report], analyzer.Model, wordsAnalysis?.Description);
                        console.Out.Flush();
                    }
                }
                catch (AudioFormatException e)
                {
                    console.Fail(e.Message);
                    failed++;
                }
                catch (TranscriptionException e)
                {
                    console.Fail($"{file}: {e.Message}");
                    failed++;
                }
            }

            if (json)
            {
                AnalysisJson.Write(console.Out, reports, analyzer.Model, wordsAnalysis?.Description);
            }

            return failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        }
    }
}
