using System.Globalization;
using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Core.Evaluation;

/// <summary>
/// Lists RAVDESS speech clips (<c>Actor_NN/03-01-EE-II-SS-RR-AA.wav</c>) with their sentiment:
/// sad, angry, fearful, disgust are negative; neutral, calm are neutral; happy, surprised positive.
/// </summary>
public static class RavdessCorpus
{
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static IReadOnlyList<LabelledClip> List(string folder, IReadOnlySet<int>? actors = null)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{folder}: no such folder; pass the folder that holds Actor_01 .. Actor_24.");
        }

        var clips = new List<LabelledClip>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.wav", SearchOption.AllDirectories))
        {
            if (TryParse(Path.GetFileName(path), out var label, out var actor) && (actors is null || actors.Contains(actor)))
            {
                clips.Add(new LabelledClip(path, label));
            }
        }

        clips.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return clips;
    }

    /// <summary>Reads the label and actor from a RAVDESS file name; false for anything else.</summary>
    public static bool TryParse(string fileName, out SentimentLabel label, out int actor)
    {
        label = default;
        actor = 0;
        var parts = Path.GetFileNameWithoutExtension(fileName).Split('-');
        if (parts.Length != 7 || parts[1] != "01"
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var emotion)
            || !int.TryParse(parts[6], NumberStyles.None, CultureInfo.InvariantCulture, out actor))
        {
            return false;
        }

        switch (emotion)
        {
            case 1 or 2:
                label = SentimentLabel.Neutral;
                return true;
            case 3 or 8:
                label = SentimentLabel.Positive;
                return true;
            case >= 4 and <= 7:
                label = SentimentLabel.Negative;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Parses "21-24", "19,20" or "1-18" into a set of actor numbers.</summary>
    /// <exception cref="FormatException">The text is not a list of numbers and ranges.</exception>
    public static IReadOnlySet<int> ParseActors(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var actors = new HashSet<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            if (dash < 0)
            {
                actors.Add(ParseActor(part, text));
                continue;
            }

            var from = ParseActor(part[..dash], text);
            var to = ParseActor(part[(dash + 1)..], text);
            if (to < from)
            {
                throw new FormatException($"actors '{text}': the range {part} runs backwards.");
            }

            for (var a = from; a <= to; a++)
            {
                actors.Add(a);
            }
        }

        return actors.Count > 0 ? actors : throw new FormatException($"actors '{text}': no actor numbers given (e.g. 21-24).");
    }

    private static int ParseActor(string part, string text) =>
        int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var actor) && actor is >= 1 and <= 99
            ? actor
            : throw new FormatException($"actors '{text}': '{part}' is not an actor number (1-24), e.g. 21-24 or 19,20.");
}
