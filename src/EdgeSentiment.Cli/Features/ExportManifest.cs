namespace EdgeSentiment.Cli.Features;

/// <summary>
/// Reads a <c>path,label</c> CSV for feature export: paths absolute or relative to the manifest's
/// folder, labels passed through as text (training decides what they mean).
/// </summary>
public static class ExportManifest
{
    /// <exception cref="FormatException">The manifest is missing or malformed; the message names the line.</exception>
    public static IReadOnlyList<ExportClip> Read(string manifestPath)
    {
        if (!File.Exists(manifestPath))
        {
            throw new FormatException($"{manifestPath}: manifest not found.");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(manifestPath)) ?? ".";
        var clips = new List<ExportClip>();
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(manifestPath))
        {
            lineNumber++;
            var line = raw.Trim();
            if (lineNumber == 1)
            {
                if (!line.Replace(" ", "", StringComparison.Ordinal).Equals("path,label", StringComparison.OrdinalIgnoreCase))
                {
                    throw new FormatException($"{manifestPath}:1: the header must be 'path,label', found '{line}'.");
                }

                continue;
            }

            if (line.Length == 0)
            {
                continue;
            }

            var comma = line.LastIndexOf(',');
            var path = comma > 0 ? Unquote(line[..comma].Trim()) : "";
            var label = comma > 0 ? line[(comma + 1)..].Trim() : "";
            if (path.Length == 0 || label.Length == 0)
            {
                throw new FormatException($"{manifestPath}:{lineNumber}: expected 'path,label', found '{line}'.");
            }

            clips.Add(new ExportClip(path, Path.IsPathRooted(path) ? path : Path.Combine(folder, path), label));
        }

        if (clips.Count == 0)
        {
            throw new FormatException($"{manifestPath}: the manifest lists no clips.");
        }

        return clips;
    }

    private static string Unquote(string text) =>
        text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : text;
}
