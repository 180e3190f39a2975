using System.Globalization;

namespace EdgeSentiment.Cli.Bench;

/// <summary>The auditorium bench as a Markdown table, ready for the docs.</summary>
public static class AuditoriumTable
{
    public static void Write(TextWriter output, AuditoriumReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"{report.Utterances} utterances; canceller tail {report.TailSeconds:0.##} s"));
        output.WriteLine();
        output.WriteLine("| film | RT60 | processing | film-only windows scored as audience | film-only windows marked film | film-only windows with the mood Film | UAR | utterances heard | ERLE |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var row in report.Rows)
        {
            output.WriteLine(string.Create(c, $"| {(row.FilmDb is { } db ? $"{db:+0;-0;0} dB" : "none")} | {(row.Rt60Seconds is { } rt ? $"{rt:0.0} s" : "-")} | {row.Processing} | {Percent(row.FilmOnlyScored)} | {Percent(row.FilmOnlyMarkedFilm)} | {Percent(row.FilmOnlyMoodFilm)} | {row.Uar:0.000} | {row.Heard * 100:0} % | {(row.ErleDb is { } erle ? $"{erle:0.0} dB" : "-")} |"));
        }

        output.WriteLine();
        output.WriteLine(string.Create(c, $"CPU per window (0.5 s of audio, one thread): canceller {report.CancellerMsPerWindow:0.00} ms, film gate {report.GateMsPerWindow:0.00} ms, speech detection + log-mel + model {report.ClassifyMsPerWindow:0.00} ms"));
        output.WriteLine(string.Create(c, $"peak RSS {(report.PeakRssMb is { } rss ? $"{rss:0.0} MiB" : "unknown")}"));
    }

    private static string Percent(double? share) => share is { } value ? string.Create(CultureInfo.InvariantCulture, $"{value * 100:0.0} %") : "-";
}
