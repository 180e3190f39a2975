using System.Text.Json;
using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Cli.Analyze;

/// <summary>The <c>utterances</c> array of <c>analyze --words --json</c>, and how often the words spoke.</summary>
public static class UtteranceJson
{
    public static void Write(Utf8JsonWriter json, IReadOnlyList<UtteranceReport> utterances)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(utterances);
        var used = 0;
        json.WriteStartArray("utterances");
        foreach (var u in utterances)
        {
            json.WriteStartObject();
            json.WriteNumber("start", Math.Round(u.Utterance.Start.TotalSeconds, 3));
            json.WriteNumber("end", Math.Round(u.Utterance.End.TotalSeconds, 3));
            json.WriteString("transcript", u.Transcript);
            json.WriteNumber("transcriptConfidence", Math.Round(u.TranscriptConfidence, 4));
            json.WriteNumber("words", u.WordCount);
            AnalysisJson.WriteScores(json, "voice", u.Voice);
            if (u.Text is { } text)
            {
                AnalysisJson.WriteScores(json, "text", text);
            }
            else
            {
                json.WriteNull("text");
            }

            json.WriteStartObject("fused");
            json.WriteString("label", u.Fused.Label.ToWord());
            AnalysisJson.WriteScores(json, "scores", u.Fused.Scores);
            json.WriteBoolean("wordsUsed", u.Fused.WordsUsed);
            json.WriteEndObject();
            json.WriteEndObject();
            used += u.Fused.WordsUsed ? 1 : 0;
        }

        json.WriteEndArray();
        json.WriteNumber("wordsUsedIn", used);
    }
}
