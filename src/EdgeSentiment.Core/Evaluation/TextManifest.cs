using System.Text;
using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Core.Evaluation;

/// <summary>
/// Reads a CSV with the header <c>text,label</c>: one text a row, labels negative, neutral or
/// positive. Texts with commas, quotes or line breaks are quoted the CSV way ("say ""no""");
/// an unquoted text with commas still reads, since the label is the last field.
/// </summary>
public static class TextManifest
{
    private const string Header = "text,label";

    /// <exception cref="FormatException">The file is missing, empty or malformed; the message names the line and what to fix.</exception>
    public static IReadOnlyList<LabelledText> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FormatException($"{path}: manifest not found.");
        }

        var content = File.ReadAllText(path);
        var records = Records(content, path);
        if (records.Count == 0)
        {
            throw new FormatException($"{path}: the file is empty; it needs the header '{Header}' and one row per text.");
        }

        var (headerLine, header) = records[0];
        if (!string.Join(',', header).Replace(" ", "", StringComparison.Ordinal).Equals(Header, StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"{path}:{headerLine}: the header must be '{Header}', found '{string.Join(',', header)}'.");
        }

        var texts = new List<LabelledText>(records.Count - 1);
        for (var r = 1; r < records.Count; r++)
        {
            var (line, fields) = records[r];
            if (fields.Count < 2)
            {
                throw new FormatException($"{path}:{line}: expected 'text,label', found '{fields[0]}'.");
            }

            var word = fields[^1].Trim();
            if (!SentimentLabels.TryParse(word, out var label))
            {
                throw new FormatException($"{path}:{line}: label '{word}' is not one of negative, neutral, positive.");
            }

            texts.Add(new LabelledText(string.Join(',', fields.GetRange(0, fields.Count - 1)), label));
        }

        return texts;
    }

    // RFC 4180 records with the line each starts on; blank lines are skipped.
    private static List<(int Line, List<string> Fields)> Records(string content, string path)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var fieldStarted = false;
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < content.Length && content[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.ToString().Trim().Length == 0:
                    field.Clear();
                    quoted = true;
                    fieldStarted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    fieldStarted |= !char.IsWhiteSpace(c);
                    break;
            }
        }

        if (quoted)
        {
            throw new FormatException($"{path}:{recordLine}: a quoted text is not closed; end it with '\"'.");
        }

        EndRecord();
        return records;

        void EndRecord()
        {
            if (fieldStarted || fields.Count > 0)
            {
                fields.Add(field.ToString());
                records.Add((recordLine, fields));
                fields = [];
            }

            field.Clear();
            fieldStarted = false;
        }
    }
}
