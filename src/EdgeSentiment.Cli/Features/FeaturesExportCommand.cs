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

        // Other frame sizes are for training experiments: the agent only loads models made on the
        // default settings, and says so naming the field.
        var frameLength = new Option<int>("--frame-length")
        {
            Description = $"Samples per analysis frame (default {LogMelSettings.Default.FrameLength}); models on other values do not load on the device.",
            DefaultValueFactory = _ => LogMelSettings.Default.FrameLength,
        };
        var fftSize = new Option<int>("--fft-size")
        {
            Description = $"FFT size, a power of two at least the frame length (default {LogMelSettings.Default.FftSize}).",
            DefaultValueFactory = _ => LogMelSettings.Default.FftSize,
        };

        var json = new Option<bool>("--json")
        {
            Description = "Print {\"features\",\"index\",\"exported\",\"frames\",\"failed\"} as JSON; failed clips are still named on stderr.",
        };

        var command = new Command("export", "Write the log-mel features of every clip in a manifest, for training.")
        {
            manifest,
            output,
            jobs,
            frameLength,
            fftSize,
            json,
        }.WithExamples(
            "edgesentiment features export --manifest clips.csv --out features/train --jobs 2",
            "edgesentiment features export --manifest clips.csv --out features/train --json | jq .frames");
        command.SetAction(parseResult => Run(
            parseResult.GetRequiredValue(manifest),
            parseResult.GetRequiredValue(output),
            parseResult.GetValue(jobs),
            LogMelSettings.Default with { FrameLength = parseResult.GetValue(frameLength), FftSize = parseResult.GetValue(fftSize) },
            parseResult.GetValue(json),
            console));
        return command;
    }

    private static int Run(FileInfo manifestFile, string prefix, int jobs, LogMelSettings settings, bool json, CliConsole console)
    {
        if (jobs < 1)
        {
            console.Fail($"--jobs must be at least 1, got {jobs}.");
            return ExitCodes.Usage;
        }

        if (settings.FrameLength < 1 || settings.FftSize < settings.FrameLength || (settings.FftSize & (settings.FftSize - 1)) != 0)
        {
            console.Fail($"--frame-length {settings.FrameLength} --fft-size {settings.FftSize}: the FFT size must be a power of two at least the frame length, e.g. --frame-length 800 --fft-size 1024.");
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
            var exporter = new FeatureExporter(settings, jobs);
            summary = exporter.Export(clips, prefix, failure => console.Fail(failure.Error ?? failure.Clip.Path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Fail($"cannot write {prefix}.f32 / {prefix}.json: {e.Message}");
            return ExitCodes.Failed;
        }

        if (json)
        {
            JsonOutput.WriteObject(console.Out, writer =>
            {
                writer.WriteString("features", prefix + ".f32");
                writer.WriteString("index", prefix + ".json");
                writer.WriteNumber("exported", summary.Exported);
                writer.WriteNumber("frames", summary.Frames);
                writer.WriteNumber("failed", summary.Failed);
            });
        }
        else
        {
            console.Out.WriteLine(
                $"{prefix}.f32, {prefix}.json: {summary.Exported} clips, {summary.Frames} frames; {summary.Failed} failed.");
        }

        return summary.Failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
