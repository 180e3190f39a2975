using System.CommandLine;
using EdgeSentiment.Cli.Analyze;
using EdgeSentiment.Cli.Terminal;
using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Audio;
using EdgeSentiment.Core.Evaluation;
using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Cli.Eval;

/// <summary>
/// <c>edgesentiment eval (--manifest FILE.csv | --ravdess DIR [--actors 21-24]) [--model PATH] [--json]</c>:
/// how well a model decides labelled recordings, through the same pipeline the agent runs.
/// </summary>
public static class EvalCommand
{
    public static Command Create(CliConsole console)
    {
        var manifest = new Option<FileInfo?>("--manifest") { Description = "CSV with the header 'path,label' (labels negative|neutral|positive; paths relative to the manifest)." };
        var ravdess = new Option<DirectoryInfo?>("--ravdess") { Description = "A RAVDESS speech folder (Actor_01 .. Actor_24); labels come from the file names." };
        var actors = new Option<string?>("--actors") { Description = "With --ravdess: the actors to evaluate, e.g. 21-24 (the test actors) or 19,20." };
        var model = ModelOption.Create();
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout." };

        var command = new Command("eval", "Evaluate a model on labelled recordings: UAR, macro-F1, accuracy, confusion matrix.")
        {
            manifest,
            ravdess,
            actors,
            model,
            json,
        }.WithExamples(
            "edgesentiment eval --manifest my-clips.csv        # CSV with the header path,label",
            "edgesentiment eval --ravdess DIR --actors 21-24 --json");
        command.Validators.Add(result =>
        {
            var hasManifest = result.GetValue(manifest) is not null;
            var hasRavdess = result.GetValue(ravdess) is not null;
            if (hasManifest == hasRavdess)
            {
                result.AddError("give exactly one of --manifest FILE.csv or --ravdess DIR.");
            }
            else if (hasManifest && result.GetValue(actors) is not null)
            {
                result.AddError("--actors goes with --ravdess, not with --manifest.");
            }
        });
        command.SetAction(parseResult => Run(
            parseResult.GetValue(manifest),
            parseResult.GetValue(ravdess),
            parseResult.GetValue(actors),
            ModelOption.PathOf(parseResult.GetValue(model)),
            parseResult.GetValue(json),
            console));
        return command;
    }

    private static int Run(FileInfo? manifest, DirectoryInfo? ravdess, string? actors, string modelPath, bool json, CliConsole console)
    {
        IReadOnlyList<LabelledClip> clips;
        try
        {
            clips = manifest is not null
                ? ClipManifest.Read(manifest.FullName)
                : RavdessCorpus.List(ravdess!.FullName, actors is null ? null : RavdessCorpus.ParseActors(actors));
        }
        catch (Exception e) when (e is FormatException or DirectoryNotFoundException or IOException)
        {
            console.Fail(e.Message);
            return ExitCodes.Usage;
        }

        if (clips.Count == 0)
        {
            console.Fail("no labelled clips found; check the folder, the actors or the manifest.");
            return ExitCodes.Failed;
        }

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
            var matrix = new ConfusionMatrix();
            var failed = 0;
            var progress = new ProgressBar(console.Error, console.IsInteractive, clips.Count);
            foreach (var clip in clips)
            {
                try
                {
                    var result = analyzer.Analyze(AudioLoader.LoadMono(clip.Path, analyzer.SampleRate));
                    if (result.Verdict is { } verdict)
                    {
                        // Eval measures the model on labelled speech: a clip the detector finds silent is
                        // still scored, from all its windows, so the figures do not depend on the detector.
                        matrix.Add(clip.Label, verdict.Label ?? verdict.Scores.Top);
                    }
                    else
                    {
                        progress.Interrupt($"skipped: {clip.Path}: no audio in the file");
                        failed++;
                    }
                }
                catch (AudioFormatException e)
                {
                    progress.Interrupt($"skipped: {e.Message}");
                    failed++;
                }

                progress.Advance();
            }

            progress.Finish();
            var report = new EvalReport(AnalysisJson.Describe(analyzer.Model), clips.Count, failed, matrix);
            if (json)
            {
                EvalJson.Write(console.Out, report);
            }
            else
            {
                EvalTable.Write(console.Out, report);
            }

            return failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        }
    }
}
