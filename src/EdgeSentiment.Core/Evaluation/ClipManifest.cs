using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Core.Evaluation;

/// <summary>
/// Reads a CSV manifest with the header <c>path,label</c>: paths absolute or relative to the
/// manifest's folder, labels negative, neutral or positive.
/// </summary>
public static class ClipManifest
{
    /// <exception cref="FormatException">The manifest is missing or malformed; the message names the line.</exception>
    public static IReadOnlyList<LabelledClip> Read(string manifestPath)
    {
        if (!File.Exists(manifestPath))
        {
            throw new FormatException($"{manifestPath}: manifest not found.");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(manifestPath)) ?? ".";
        var clips = new List<LabelledClip>();
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(manifestPath))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (lineNumber == 1)
            {
                if (!line.Replace(" ", "", StringComparison.Ordinal).Equals("path,label", StringComparison.OrdinalIgnoreCase))
                {
                    throw new FormatException($"{manifestPath}:1: the header must be 'path,label', found '{line}'.");
                }

                continue;
            }

            var comma = line.LastIndexOf(',');
            if (comma <= 0)
            {
                throw new FormatException($"{manifestPath}:{lineNumber}: expected 'path,label', found '{line}'.");
            }

            var path = Unquote(line[..comma].Trim());
            var word = line[(comma + 1)..].Trim();
            if (!SentimentLabels.TryParse(word, out var label))
            {
                throw new FormatException(
                    $"{manifestPath}:{lineNumber}: label '{word}' is not one of negative, neutral, positive.");
            }

            clips.Add(new LabelledClip(Path.IsPathRooted(path) ? path : Path.Combine(folder, path), label));
        }

        return clips;
    }

    private static string Unquote(string text) =>
        text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : text;
}
