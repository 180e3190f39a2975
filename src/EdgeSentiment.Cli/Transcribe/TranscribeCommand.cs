using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using EdgeSentiment.Cli.Bench;
using EdgeSentiment.Cli.Terminal;
using EdgeSentiment.Core.Audio;
using EdgeSentiment.Device.Transcription;
using EdgeSentiment.Device.Transcription.PocketSphinx;

namespace EdgeSentiment.Cli.Transcribe;

/// <summary>
/// <c>edgesentiment transcribe FILE... [--review-lm PATH] [--review-weight W] [--beam B --wbeam B --pbeam B --maxhmmpf N] [--json]</c>: each
/// file as one utterance through the recogniser, with the CPU it took (the real-time factor on
/// one core) and the peak memory, so language-model settings can be compared on the board.
/// </summary>
public static class TranscribeCommand
{
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliConsole console)
    {
        var files = new Argument<FileInfo[]>("FILE")
        {
            Description = "WAV recordings, each transcribed as one utterance.",
            Arity = ArgumentArity.OneOrMore,
        };
        var reviewLm = new Option<FileInfo?>("--review-lm")
        {
            Description = "A movie-review language model (ARPA) interpolated with the general one; the shipped one when left out.",
        };
        var reviewWeight = new Option<float>("--review-weight")
        {
            Description = "The review model's share of the interpolation, in [0, 1]; 1 decodes with it alone, 0 with the general model alone.",
            DefaultValueFactory = _ => PocketSphinxSettings.Default.ReviewWeight,
        };
        var beam = new Option<double?>("--beam") { Description = "PocketSphinx's -beam (e.g. 1e-40); the product's default (PocketSphinxSettings) when left out." };
        var wordBeam = new Option<double?>("--wbeam") { Description = "PocketSphinx's -wbeam (e.g. 1e-24); the product's default (PocketSphinxSettings) when left out." };
        var phoneBeam = new Option<double?>("--pbeam") { Description = "PocketSphinx's -pbeam (e.g. 1e-40); the product's default (PocketSphinxSettings) when left out." };
        var maxHmm = new Option<int?>("--maxhmmpf") { Description = "PocketSphinx's -maxhmmpf, the most HMMs searched per frame; the product's default (PocketSphinxSettings) when left out." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document on stdout instead of lines." };
        var command = new Command("transcribe", "Transcribe recordings and print the recogniser's CPU use and memory.")
        {
            files,
            reviewLm,
            reviewWeight,
            beam,
            wordBeam,
            phoneBeam,
            maxHmm,
            json,
        }.WithExamples(
            "edgesentiment transcribe review.wav",
            "edgesentiment transcribe clips/*.wav --review-lm models/review-lm.arpa --review-weight 0.5 --json");
        command.SetAction(parseResult => Run(
            parseResult.GetRequiredValue(files),
            Settings(
                parseResult.GetValue(reviewLm)?.FullName,
                parseResult.GetValue(reviewWeight),
                parseResult.GetValue(beam),
                parseResult.GetValue(wordBeam),
                parseResult.GetValue(phoneBeam),
                parseResult.GetValue(maxHmm)),
            parseResult.GetValue(json),
            console));
        return command;
    }

    // What is not given stays as the product's default; a review weight of 0 leaves the review model out.
    private static PocketSphinxSettings Settings(string? reviewLm, float reviewWeight, double? beam, double? wordBeam, double? phoneBeam, int? maxHmm)
    {
        var defaults = PocketSphinxSettings.Default;
        return defaults with
        {
            ReviewLanguageModel = reviewWeight == 0f ? null : reviewLm ?? defaults.ReviewLanguageModel,
            ReviewWeight = reviewWeight,
            Beam = beam ?? defaults.Beam,
            WordBeam = wordBeam ?? defaults.WordBeam,
            PhoneBeam = phoneBeam ?? defaults.PhoneBeam,
            MaxHmmPerFrame = maxHmm ?? defaults.MaxHmmPerFrame,
        };
    }

    private static int Run(FileInfo[] files, PocketSphinxSettings settings, bool json, CliConsole console)
    {
        var before = PeakMemory.PeakResidentMegabytes();
        PocketSphinxTranscriber transcriber;
        try
        {
            transcriber = PocketSphinxTranscriber.Open(settings);
        }
        catch (TranscriptionException e)
        {
            console.Fail(e.Message);
            return ExitCodes.Failed;
        }

        using (transcriber)
        {
            var results = new List<(string File, Transcript Transcript, double Seconds, double CpuSeconds)>();
            var failed = 0;
            var self = Process.GetCurrentProcess();
            foreach (var file in files)
            {
                try
                {
                    var audio = AudioLoader.LoadMono(file.FullName, transcriber.SampleRate);
                    self.Refresh();
                    var cpu = self.TotalProcessorTime;
                    var transcript = transcriber.Transcribe(audio.Samples);
                    self.Refresh();
                    results.Add((file.ToString(), transcript, audio.DurationSeconds, (self.TotalProcessorTime - cpu).TotalSeconds));
                }
                catch (Exception e) when (e is AudioFormatException or TranscriptionException)
                {
                    console.Fail(e.Message);
                    failed++;
                }
            }

            var audioSeconds = results.Sum(r => r.Seconds);
            var rtf = audioSeconds > 0 ? results.Sum(r => r.CpuSeconds) / audioSeconds : 0;
            var peak = PeakMemory.PeakResidentMegabytes();
            if (json)
            {
                WriteJson(console.Out, transcriber.Description, results, rtf, before, peak);
            }
            else
            {
                foreach (var r in results)
                {
                    console.Out.WriteLine(Invariant($"{r.File}\t{r.Transcript.Text}\t({r.Transcript.Confidence:0.00})"));
                }

                console.Out.WriteLine(Invariant(
                    $"{transcriber.Description}: {audioSeconds:0.0} s of audio, real-time factor {rtf:0.000} (CPU seconds per audio second), peak RSS {peak:0.0} MiB"));
            }

            return failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        }
    }

    private static void WriteJson(
        TextWriter output,
        string engine,
        List<(string File, Transcript Transcript, double Seconds, double CpuSeconds)> results,
        double rtf,
        double? rssBefore,
        double? peak)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("engine", engine);
            json.WriteStartArray("files");
            foreach (var r in results)
            {
                json.WriteStartObject();
                json.WriteString("file", r.File);
                json.WriteString("transcript", r.Transcript.Text);
                json.WriteNumber("confidence", Math.Round(r.Transcript.Confidence, 4));
                json.WriteNumber("durationSeconds", Math.Round(r.Seconds, 3));
                json.WriteNumber("cpuSeconds", Math.Round(r.CpuSeconds, 3));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("realTimeFactor", Math.Round(rtf, 4));
            json.WriteNumber("peakRssMiB", Math.Round(peak ?? 0, 1));
            json.WriteNumber("peakRssBeforeMiB", Math.Round(rssBefore ?? 0, 1));
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
