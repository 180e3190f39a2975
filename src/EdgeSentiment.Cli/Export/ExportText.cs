using System.Globalization;
using EdgeSentiment.Core.Mood;

namespace EdgeSentiment.Cli.Export;

/// <summary>How exported times, scores and moods are written, the same in CSV and JSON lines.</summary>
public static class ExportText
{
    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Score(double value) => Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture);

    public static string Mood(AudienceMood mood) => mood switch
    {
        AudienceMood.NoSpeech => "no-speech",
        AudienceMood.Negative => "negative",
        AudienceMood.Neutral => "neutral",
        AudienceMood.Positive => "positive",
        AudienceMood.Film => "film",
        _ => mood.ToString(),
    };
}
