using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using EdgeSentiment.Cli.Control;
using EdgeSentiment.Cli.History;
using EdgeSentiment.Cli.Terminal;
using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Device.Storage.Sealing;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeSentiment.Cli.Transcripts;

/// <summary>
/// <c>edgesentiment transcripts [--since 24h] [--json] [--database PATH] [--key PATH]</c>: the live
/// agent's stored transcripts (<c>Transcription:Enabled</c>), decrypted from the database file with
/// the store's key. Never through the control socket: transcripts do not leave the agent's store
/// except to whoever holds the key on the device.
/// </summary>
public static class TranscriptsCommand
{
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliConsole console)
    {
        var since = new Option<string>("--since")
        {
            Description = "How far back: 90s, 45m, 2h, 3d, or a time such as 2026-11-25T18:00Z (default: 24h).",
            DefaultValueFactory = _ => "24h",
            HelpName = "SPAN|TIME",
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON array instead of lines." };
        var database = StoreFileOptions.Database();
        var key = StoreFileOptions.Key();
        var command = new Command(
            "transcripts",
            "Show the transcripts the agent stored with Transcription:Enabled, decrypted from the database file with the store's key "
            + "(the agent must be stopped, and the key readable: usually sudo).")
        {
            since,
            json,
            database,
            key,
        }.WithExamples(
            "sudo edgesentiment transcripts                      # the last 24 hours",
            "sudo edgesentiment transcripts --since 2026-11-25T18:00Z --json",
            "edgesentiment transcripts --database state/results.db --key state/edgesentiment.key");
        command.SetAction(parseResult =>
        {
            var text = parseResult.GetRequiredValue(since);
            var now = DateTime.UtcNow;
            if (!SinceArgument.TryParse(text, now, out var sinceUtc))
            {
                console.Fail($"--since '{text}' is neither a span (90s, 45m, 2h, 3d) nor a time (2026-11-25T18:00Z)");
                return ExitCodes.Usage;
            }

            return Run(sinceUtc, now, parseResult.GetValue(json), parseResult.GetRequiredValue(database), parseResult.GetRequiredValue(key), console);
        });
        return command;
    }

    private static int Run(DateTime sinceUtc, DateTime nowUtc, bool json, string databasePath, string keyPath, CliConsole console)
    {
        if (!File.Exists(databasePath))
        {
            console.Fail($"no result database at {databasePath}: check --database");
            return ExitCodes.Failed;
        }

        try
        {
            using var storeKey = StoreKeyFile.Load(keyPath);
            using var store = LiteDbResultStore.OpenReadOnly(
                new StoreOptions { DatabasePath = databasePath, KeyFile = keyPath }, storeKey, keyPath, NullLogger.Instance, TimeProvider.System);
            var records = store.ReadTranscripts(sinceUtc, nowUtc.AddMinutes(1));
            if (json)
            {
                WriteJson(console.Out, records);
            }
            else
            {
                Write(console.Out, records, sinceUtc);
            }

            var tampered = store.GetStatus().TamperedRecords;
            if (tampered > 0)
            {
                console.Fail($"{tampered} records failed authentication (altered or swapped) and were left out");
                return ExitCodes.Failed;
            }

            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is StoreKeyException or StoreOpenException)
        {
            console.Fail(e.Message);
            return ExitCodes.Failed;
        }
    }

    private static void Write(TextWriter output, IReadOnlyList<Stored<TranscriptRecord>> records, DateTime sinceUtc)
    {
        if (records.Count == 0)
        {
            output.WriteLine($"No transcripts since {DisplayText.Date(sinceUtc)}. The agent keeps them only with Transcription:Enabled.");
            return;
        }

        foreach (var stored in records)
        {
            var r = stored.Value;
            var verdict = DisplayText.Label(r.FusedLabel) + (r.WordsUsed ? " (voice and words)" : " (voice)");
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{DisplayText.Date(stored.TimeUtc)}  {r.Seconds,5:0.0} s  {verdict,-20}  \"{r.Text}\" ({r.WordCount} words, confidence {r.TranscriptConfidence:0.00})"));
        }
    }

    private static void WriteJson(TextWriter output, IReadOnlyList<Stored<TranscriptRecord>> records)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartArray();
            foreach (var stored in records)
            {
                var r = stored.Value;
                json.WriteStartObject();
                json.WriteString("id", stored.Id);
                json.WriteString("startUtc", stored.TimeUtc);
                json.WriteNumber("seconds", Math.Round(r.Seconds, 3));
                json.WriteString("transcript", r.Text);
                json.WriteNumber("transcriptConfidence", Math.Round(r.TranscriptConfidence, 4));
                json.WriteNumber("words", r.WordCount);
                Scores(json, "voice", r.Voice);
                if (r.Words is { } words)
                {
                    Scores(json, "text", words);
                }
                else
                {
                    json.WriteNull("text");
                }

                json.WriteStartObject("fused");
                json.WriteString("label", DisplayText.Label(r.FusedLabel));
                Scores(json, "scores", r.Fused);
                json.WriteBoolean("wordsUsed", r.WordsUsed);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void Scores(Utf8JsonWriter json, string name, SentimentScores scores)
    {
        json.WriteStartObject(name);
        json.WriteNumber("negative", Math.Round(scores.Negative, 4));
        json.WriteNumber("neutral", Math.Round(scores.Neutral, 4));
        json.WriteNumber("positive", Math.Round(scores.Positive, 4));
        json.WriteEndObject();
    }
}
