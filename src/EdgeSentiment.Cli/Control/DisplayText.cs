using System.Globalization;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Core.Mood;
using EdgeSentiment.Device.Control.Contract;

namespace EdgeSentiment.Cli.Control;

/// <summary>How the agent commands write times, moods, levels and durations for people.</summary>
public static class DisplayText
{
    private const double MeterFloorDbfs = -60;

    public static string Mood(AudienceMood mood) => mood switch
    {
        AudienceMood.Negative => "NEGATIVE",
        AudienceMood.Neutral => "NEUTRAL",
        AudienceMood.Positive => "POSITIVE",
        AudienceMood.Film => "FILM",
        _ => "no speech",
    };

    public static string Label(SentimentLabel? label) => label?.ToString().ToLowerInvariant() ?? "-";

    /// <summary>What a window held: the film's speech, the audience's (with its label, and whether over the film), or none.</summary>
    public static string Window(MoodReply mood)
    {
        ArgumentNullException.ThrowIfNull(mood);
        return mood.Film == true ? "the film's speech"
            : mood.Speech == true ? "speech, " + Label(mood.Label) + (mood.AudienceOverFilm == true ? ", over the film" : string.Empty)
            : mood.FilmSpeaks == true ? "no speech, the film speaking" : "no speech";
    }

    /// <summary>The film's share of a tally's windows and the audience's share over the film.</summary>
    public static string FilmShares(TallyRow tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        return $"{Percent(tally.FilmRatio)} film, {Percent(tally.AudienceOverFilmRatio)} audience over film";
    }

    /// <summary>A UTC time as the local clock shows it.</summary>
    public static string Clock(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Date(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Level(double? dbfs) =>
        dbfs is { } value ? value.ToString("F1", CultureInfo.InvariantCulture) + " dBFS" : "silent";

    public static string Percent(double ratio) => (ratio * 100).ToString("F0", CultureInfo.InvariantCulture) + " %";

    public static string Duration(TimeSpan span) =>
        span.TotalDays >= 1 ? $"{(int)span.TotalDays} d {span.Hours} h"
        : span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes:00} min"
        : span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes} min {span.Seconds:00} s"
        : $"{span.TotalSeconds:F0} s";

    public static string Bytes(long bytes) =>
        bytes >= 1 << 20 ? (bytes / (double)(1 << 20)).ToString("F1", CultureInfo.InvariantCulture) + " MiB"
        : (bytes / 1024.0).ToString("F0", CultureInfo.InvariantCulture) + " KiB";

    /// <summary>A bar of <paramref name="width"/> cells from -60 dBFS (empty) to 0 dBFS (full).</summary>
    public static string Meter(double? dbfs, int width)
    {
        var share = dbfs is { } value ? Math.Clamp((value - MeterFloorDbfs) / -MeterFloorDbfs, 0, 1) : 0;
        var filled = (int)Math.Round(share * width);
        return new string('#', filled) + new string('.', width - filled);
    }

    public static void WriteJson<T>(TextWriter output, T value)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(System.Text.Json.JsonSerializer.Serialize(value, ControlJson.Options));
    }
}
