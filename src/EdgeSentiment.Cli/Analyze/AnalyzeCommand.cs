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
            var reports = new List<FileReport>(files.Length);
            var failed = 0;
            foreach (var file in files)
            {
                try
                {
                    var audio = AudioLoader.LoadMono(file.FullName, analyzer.SampleRate);
                    var result = analyzer.Analyze(audio);
                    reports.Add(new FileReport(file.ToString(), result, wordsAnalysis?.Analyze(audio, result)));
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

            var model = analyzer.Model;
            if (json)
            {
                AnalysisJson.Write(console.Out, reports, model, wordsAnalysis?.Description);
            }
            else
            {
                AnalysisTable.Write(console.Out, reports, model, wordsAnalysis?.Description);
            }

            return failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        }
    }
}
