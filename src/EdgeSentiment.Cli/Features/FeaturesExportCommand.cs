using System.CommandLine;
using EdgeSentiment.Cli.Terminal;
using EdgeSentiment.Core.Features;

namespace EdgeSentiment.Cli.Features;

/// <summary><c>edgesentiment features export --manifest FILE.csv --out PREFIX</c>: training features from the device's own extractor.</summary>
public static class FeaturesExportCommand
{
    public static Command Create(CliConsole console)
    {
        var manifest = new Option<FileInfo>("--manifest")
        {
            Description = "CSV with the header 'path,label'; paths absolute or relative to the manifest's folder.",
            Required = true,
        };
        var output = new Option<string>("--out")
        {
            Description = "Output prefix: writes PREFIX.f32 (float32 frames) and PREFIX.json (settings, items, failed).",
            Required = true,
        };
        var jobs = new Option<int>("--jobs")
        {
            Description = "Clips processed at once (default: the number of processor cores).",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };

        var command = new Command("export", "Write the log-mel features of every clip in a manifest, for training.")
        {
            manifest,
            output,
            jobs,
        }.WithExamples("edgesentiment features export --manifest clips.csv --out features/train --jobs 2");
        command.SetAction(parseResult => Run(
            parseResult.GetRequiredValue(manifest),
            parseResult.GetRequiredValue(output),
            parseResult.GetValue(jobs),
            console));
        return command;
    }

    private static int Run(FileInfo manifestFile, string prefix, int jobs, CliConsole console)
    {
        if (jobs < 1)
        {
            console.Fail($"--jobs must be at least 1, got {jobs}.");
            return ExitCodes.Usage;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(prefix));
        if (string.IsNullOrEmpty(Path.GetFileName(prefix)) || folder is null || !Directory.Exists(folder))
        {
            console.Fail($"--out {prefix}: give a file prefix in an existing folder, e.g. out/ravdess-train.");
            return ExitCodes.Usage;
        }

        IReadOnlyList<ExportClip> clips;
        try
        {
            clips = ExportManifest.Read(manifestFile.FullName);
        }
        catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
        {
            console.Fail(e.Message);
            return ExitCodes.Usage;
        }

        ExportSummary summary;
        try
        {
            var exporter = new FeatureExporter(LogMelSettings.Default, jobs);
            summary = exporter.Export(clips, prefix, failure => console.Fail(failure.Error ?? failure.Clip.Path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Fail($"cannot write {prefix}.f32 / {prefix}.json: {e.Message}");
            return ExitCodes.Failed;
        }

        console.Out.WriteLine(
            $"{prefix}.f32, {prefix}.json: {summary.Exported} clips, {summary.Frames} frames; {summary.Failed} failed.");
        return summary.Failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
