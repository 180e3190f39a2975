using System.Text.Encodings.Web;
using System.Text.Json;
using EdgeSentiment.Core.Summaries;
using EdgeSentiment.Device.Storage;

namespace EdgeSentiment.Cli.Export;

/// <summary>Writes <c>export --format jsonl</c>: one JSON object per line, minutes then sessions.</summary>
public sealed class ExportJsonl : IExportRows
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly TextWriter _output;

    public ExportJsonl(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    public void Minute(MinuteSummary minute)
    {
        ArgumentNullException.ThrowIfNull(minute);
        _output.WriteLine(Line(json =>
        {
            json.WriteString("record", "minute");
            json.WriteString("start", ExportText.Time(minute.MinuteStartUtc));
            json.WriteString("end", ExportText.Time(minute.MinuteStartUtc.AddMinutes(1)));
            WriteTally(json, minute.Tally);
            json.WriteString("dominantMood", ExportText.Mood(minute.DominantMood));
        }));
    }

    public void Session(ScreeningSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        _output.WriteLine(Line(json =>
        {
            json.WriteString("record", "session");
            json.WriteString("start", ExportText.Time(session.StartUtc));
            if (session.EndUtc is { } end)
            {
                json.WriteString("end", ExportText.Time(end));
            }
            else
            {
                json.WriteNull("end");
            }

            json.WriteString("title", session.Title);
            WriteTally(json, session.Aggregate);
            if (session.DominantMood is { } mood)
            {
                json.WriteString("dominantMood", ExportText.Mood(mood));
            }
            else
            {
                json.WriteNull("dominantMood");
            }
        }));
    }

    private static string Line(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteTally(Utf8JsonWriter json, SentimentTally tally)
    {
        json.WriteNumber("windows", tally.WindowCount);
        json.WriteNumber("speechWindows", tally.SpeechWindowCount);
        json.WriteStartObject("counts");
        json.WriteNumber("negative", tally.NegativeCount);
        json.WriteNumber("neutral", tally.NeutralCount);
        json.WriteNumber("positive", tally.PositiveCount);
        json.WriteEndObject();
        json.WriteStartObject("meanScores");
        json.WriteNumber("negative", Math.Round(tally.MeanScores.Negative, 4));
        json.WriteNumber("neutral", Math.Round(tally.MeanScores.Neutral, 4));
        json.WriteNumber("positive", Math.Round(tally.MeanScores.Positive, 4));
        json.WriteEndObject();
        json.WriteNumber("speechRatio", Math.Round(tally.SpeechRatio, 4));
        json.WriteNumber("filmWindows", tally.FilmWindowCount);
        json.WriteNumber("audienceOverFilmWindows", tally.AudienceOverFilmCount);
        json.WriteNumber("filmRatio", Math.Round(tally.FilmRatio, 4));
        json.WriteNumber("audienceOverFilmRatio", Math.Round(tally.AudienceOverFilmRatio, 4));
    }
}
