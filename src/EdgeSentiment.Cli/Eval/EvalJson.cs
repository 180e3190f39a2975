using System.Text.Json;
using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Cli.Eval;

/// <summary>Writes <c>eval --json</c>: one document with the figures and the confusion matrix (rows = true label).</summary>
public static class EvalJson
{
    private static readonly SentimentLabel[] Labels = [SentimentLabel.Negative, SentimentLabel.Neutral, SentimentLabel.Positive];

    public static void Write(TextWriter output, EvalReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        var m = report.Confusion;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("model", report.Model);
            json.WriteNumber("clips", report.Clips);
            json.WriteNumber("failed", report.Failed);
            json.WriteNumber("uar", Round(m.UnweightedAverageRecall));
            json.WriteNumber("macroF1", Round(m.MacroF1));
            json.WriteNumber("accuracy", Round(m.Accuracy));
            json.WriteStartObject("perClass");
            foreach (var label in Labels)
            {
                json.WriteStartObject(label.ToWord());
                json.WriteNumber("precision", Round(m.Precision(label)));
                json.WriteNumber("recall", Round(m.Recall(label)));
                json.WriteNumber("f1", Round(m.F1(label)));
                json.WriteNumber("support", m.Support(label));
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteStartObject("confusion");
            json.WriteStartArray("labels");
            foreach (var label in Labels)
            {
                json.WriteStringValue(label.ToWord());
            }

            json.WriteEndArray();
            json.WriteStartArray("matrix");
            foreach (var truth in Labels)
            {
                json.WriteStartArray();
                foreach (var decided in Labels)
                {
                    json.WriteNumberValue(m[truth, decided]);
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static double Round(double value) => Math.Round(value, 4);
}
