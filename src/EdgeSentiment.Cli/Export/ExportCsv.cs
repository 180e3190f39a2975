using System.Globalization;
using EdgeSentiment.Core.Summaries;
using EdgeSentiment.Device.Storage;

namespace EdgeSentiment.Cli.Export;

/// <summary>
/// Writes <c>export --format csv</c>: one header, then one row per minute and per session. Columns
/// are only ever added at the end, so a reader that takes the first ones by position keeps working.
/// </summary>
public sealed class ExportCsv : IExportRows
{
    public const string Header =
        "record,start_utc,end_utc,title,windows,speech_windows,negative,neutral,positive,"
        + "mean_negative,mean_neutral,mean_positive,speech_ratio,dominant_mood,"
        + "film_windows,audience_over_film_windows";

    private readonly TextWriter _output;

    /// <summary>Writes the header at once, so even an empty export names its columns.</summary>
    public ExportCsv(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        output.WriteLine(Header);
    }

    public void Minute(MinuteSummary minute)
    {
        ArgumentNullException.ThrowIfNull(minute);
        Row(_output, "minute", minute.MinuteStartUtc, minute.MinuteStartUtc.AddMinutes(1), null, minute.Tally, ExportText.Mood(minute.DominantMood));
    }

    public void Session(ScreeningSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        Row(_output, "session", session.StartUtc, session.EndUtc, session.Title, session.Aggregate, session.DominantMood is { } mood ? ExportText.Mood(mood) : string.Empty);
    }

    private static void Row(TextWriter output, string record, DateTime start, DateTime? end, string? title, SentimentTally tally, string mood)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Join(
            ',',
            record,
            ExportText.Time(start),
            end is { } e ? ExportText.Time(e) : string.Empty,
            Quote(title),
            tally.WindowCount.ToString(c),
            tally.SpeechWindowCount.ToString(c),
            tally.NegativeCount.ToString(c),
            tally.NeutralCount.ToString(c),
            tally.PositiveCount.ToString(c),
            ExportText.Score(tally.MeanScores.Negative),
            ExportText.Score(tally.MeanScores.Neutral),
            ExportText.Score(tally.MeanScores.Positive),
            ExportText.Score(tally.SpeechRatio),
            mood,
            tally.FilmWindowCount.ToString(c),
            tally.AudienceOverFilmCount.ToString(c)));
    }

    // RFC 4180: quote fields holding a comma, quote or line break; double the quotes inside.
    private static string Quote(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        return text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
