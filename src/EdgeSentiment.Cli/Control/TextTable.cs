using EdgeSentiment.Cli.Terminal;

namespace EdgeSentiment.Cli.Control;

/// <summary>
/// A plain-text table: columns as wide as their widest cell, numbers right-aligned. Colour is applied
/// after padding, so escape codes never upset the alignment.
/// </summary>
public sealed class TextTable
{
    private readonly string[] _headers;
    private readonly bool[] _rightAligned;
    private readonly List<(string[] Cells, Func<int, string, string>? Style)> _rows = [];

    public TextTable(params string[] headers)
    {
        _headers = headers;
        _rightAligned = new bool[headers.Length];
    }

    public TextTable AlignRight(params int[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        foreach (var column in columns)
        {
            _rightAligned[column] = true;
        }

        return this;
    }

    /// <summary>Adds a row; <paramref name="style"/> may colour a padded cell, given its column.</summary>
    public void Add(string[] cells, Func<int, string, string>? style = null) => _rows.Add((cells, style));

    public void Write(TextWriter output, TerminalColors colors)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(colors);
        var widths = new int[_headers.Length];
        for (var c = 0; c < widths.Length; c++)
        {
            widths[c] = _headers[c].Length;
            foreach (var (cells, _) in _rows)
            {
                widths[c] = Math.Max(widths[c], cells[c].Length);
            }
        }

        output.WriteLine(colors.Bold(Line(_headers, widths, null)));
        foreach (var (cells, style) in _rows)
        {
            output.WriteLine(Line(cells, widths, style));
        }
    }

    private string Line(string[] cells, int[] widths, Func<int, string, string>? style)
    {
        var parts = new string[cells.Length];
        for (var c = 0; c < cells.Length; c++)
        {
            var last = c == cells.Length - 1;
            var padded = _rightAligned[c] ? cells[c].PadLeft(widths[c]) : last ? cells[c] : cells[c].PadRight(widths[c]);
            parts[c] = style is null ? padded : style(c, padded);
        }

        return string.Join("  ", parts);
    }
}
