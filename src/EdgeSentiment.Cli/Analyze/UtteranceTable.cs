using System.Globalization;
using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Cli.Analyze;

/// <summary>The utterance rows of <c>analyze --words</c>: transcript, voice, words and fused verdict.</summary>
public static class UtteranceTable
{
    public static void Write(TextWriter output, IReadOnlyList<UtteranceReport> utterances, string? words)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(utterances);
        output.WriteLine(Invariant($"  utterances ({words})"));
        if (utterances.Count == 0)
        {
            output.WriteLine("  no speech detected: nothing to transcribe");
            return;
        }

        var used = 0;
        output.WriteLine("   start     end  voice (neg neu pos)      words (neg neu pos)      fused");
        foreach (var u in utterances)
        {
            var text = u.Text is { } t ? Scores(t) : "-";
            var fused = u.Fused.Label.ToWord() + (u.Fused.WordsUsed ? " (voice+words)" : " (voice)");
            output.WriteLine(Invariant(
                $"  {u.Utterance.Start.TotalSeconds,6:0.00}  {u.Utterance.End.TotalSeconds,6:0.00}  {Scores(u.Voice),-23}  {text,-23}  {fused}"));
            output.WriteLine(Invariant($"          \"{u.Transcript}\" ({u.WordCount} words, confidence {u.TranscriptConfidence:0.00})"));
            used += u.Fused.WordsUsed ? 1 : 0;
        }

        output.WriteLine(Invariant($"  words used in {used} of {utterances.Count} utterance(s)"));
    }

    private static string Scores(SentimentScores s) =>
        Invariant($"{s.Top.ToWord(),-8} {s.Negative:0.00} {s.Neutral:0.00} {s.Positive:0.00}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
