using System.Globalization;
using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Cli.Eval;

/// <summary>Writes <c>eval</c>'s human-readable report.</summary>
public static class EvalTable
{
    private static readonly SentimentLabel[] Labels = [SentimentLabel.Negative, SentimentLabel.Neutral, SentimentLabel.Positive];

    public static void Write(TextWriter output, EvalReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        var m = report.Confusion;
        output.WriteLine(Invariant($"model     {report.Model}"));
        output.WriteLine(Invariant($"{report.Unit,-9} {report.Clips} ({report.Failed} unreadable)"));
        output.WriteLine(Invariant($"UAR       {m.UnweightedAverageRecall:0.000}"));
        output.WriteLine(Invariant($"macro-F1  {m.MacroF1:0.000}"));
        output.WriteLine(Invariant($"accuracy  {m.Accuracy:0.000}"));
        output.WriteLine();
        output.WriteLine("class      precision  recall     f1  support");
        foreach (var label in Labels)
        {
            output.WriteLine(Invariant(
                $"{label.ToWord(),-9}  {m.Precision(label),9:0.000}  {m.Recall(label),6:0.000}  {m.F1(label),5:0.000}  {m.Support(label),7}"));
        }

        output.WriteLine();
        output.WriteLine("confusion (rows: true label, columns: decided)");
        output.WriteLine("           negative  neutral  positive");
        foreach (var truth in Labels)
        {
            output.WriteLine(Invariant(
                $"{truth.ToWord(),-9}  {m[truth, SentimentLabel.Negative],8}  {m[truth, SentimentLabel.Neutral],7}  {m[truth, SentimentLabel.Positive],8}"));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
