using System.Globalization;
using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Cli.Analyze;

/// <summary>Writes <c>analyze</c>'s human-readable output: a table of windows and a verdict per file.</summary>
public static class AnalysisTable
{
    public static void Write(TextWriter output, IReadOnlyList<FileReport> reports, ModelContract model, string? words = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(reports);
        var modelName = AnalysisJson.Describe(model);
        foreach (var report in reports)
        {
            var result = report.Result;
            output.WriteLine(Invariant($"{report.File}  ({result.DurationSeconds:0.00} s, model {modelName})"));
            output.WriteLine("   start     end  speech  label      negative  neutral  positive  level");
            foreach (var w in result.Windows)
            {
                var label = w.Label?.ToWord() ?? "-";
                output.WriteLine(Invariant(
                    $"  {w.Start.TotalSeconds,6:0.00}  {w.End.TotalSeconds,6:0.00}  {(w.IsSpeech ? "yes" : "no"),-6}  {label,-9}  {w.Scores.Negative,8:0.00}  {w.Scores.Neutral,7:0.00}  {w.Scores.Positive,8:0.00}  {w.LevelDbfs,4:0} dBFS"));
            }

            output.WriteLine(Overall(result.Verdict));
            if (report.Utterances is { } utterances)
            {
                UtteranceTable.Write(output, utterances, words);
            }

            output.WriteLine();
        }
    }

    private static string Overall(RecordingVerdict? verdict)
    {
        if (verdict is null)
        {
            return "  overall: no audio to analyze";
        }

        if (verdict.Label is not { } label)
        {
            return "  overall: NO SPEECH  (no window had speech in it; silence has no sentiment)";
        }

        var s = verdict.Scores;
        return Invariant(
            $"  overall: {label.ToWord().ToUpperInvariant()}  (negative {s.Negative:0.00}, neutral {s.Neutral:0.00}, positive {s.Positive:0.00}; from {verdict.SpeechWindows} speech window(s))");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
