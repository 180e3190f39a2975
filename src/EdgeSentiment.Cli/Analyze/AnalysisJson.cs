using System.Text.Encodings.Web;
using System.Text.Json;
using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Cli.Analyze;

/// <summary>Writes <c>analyze --json</c>: one document, the shape documented in the README.</summary>
public static class AnalysisJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(TextWriter output, IReadOnlyList<FileReport> reports, ModelContract model, string? words = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(model);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            if (words is not null)
            {
                json.WriteString("words", words);
            }

            json.WriteStartArray("files");
            foreach (var report in reports)
            {
                WriteFile(json, report, model);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>How a model names itself in output: name, version and precision.</summary>
    public static string Describe(ModelContract model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return $"{model.Name} {model.Version} {model.Precision}";
    }

    public static void WriteScores(Utf8JsonWriter json, string name, SentimentScores scores)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject(name);
        json.WriteNumber("negative", Round(scores.Negative));
        json.WriteNumber("neutral", Round(scores.Neutral));
        json.WriteNumber("positive", Round(scores.Positive));
        json.WriteEndObject();
    }

    private static void WriteFile(Utf8JsonWriter json, FileReport report, ModelContract model)
    {
        json.WriteStartObject();
        json.WriteString("file", report.File);
        json.WriteNumber("durationSeconds", Math.Round(report.Result.DurationSeconds, 3));
        json.WriteString("model", Describe(model));
        json.WriteStartArray("windows");
        foreach (var window in report.Result.Windows)
        {
            json.WriteStartObject();
            json.WriteNumber("start", Math.Round(window.Start.TotalSeconds, 3));
            json.WriteNumber("end", Math.Round(window.End.TotalSeconds, 3));
            json.WriteBoolean("speech", window.IsSpeech);
            if (window.Label is { } label)
            {
                json.WriteString("label", label.ToWord());
            }
            else
            {
                json.WriteNull("label");
            }

            WriteScores(json, "scores", window.Scores);
            json.WriteNumber("levelDbfs", Math.Round(window.LevelDbfs, 1));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("overall");
        if (report.Result.Verdict is { Label: { } overall } verdict)
        {
            json.WriteString("label", overall.ToWord());
            WriteScores(json, "scores", verdict.Scores);
            json.WriteNumber("speechWindows", verdict.SpeechWindows);
            json.WriteString("basis", "speech-windows");
        }
        else
        {
            // Silence has no sentiment: no label and no scores to be read as one.
            json.WriteNull("label");
            json.WriteNull("scores");
            json.WriteNumber("speechWindows", 0);
            json.WriteString("basis", report.Result.Verdict is null ? "no-audio" : "no-speech");
        }

        json.WriteEndObject();
        if (report.Utterances is { } utterances)
        {
            UtteranceJson.Write(json, utterances);
        }

        json.WriteEndObject();
    }

    private static double Round(float value) => Math.Round(value, 4);
}
