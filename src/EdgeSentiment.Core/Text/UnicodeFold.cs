using System.Collections.Frozen;
using System.Globalization;

namespace EdgeSentiment.Core.Text;

/// <summary>
/// What a non-ASCII character becomes in the text model's tokens, from the table
/// <c>scripts/text-fold-table</c> wrote with the training script's Unicode data (UnicodeFold.txt).
/// </summary>
internal static class UnicodeFold
{
    private const string Space = " ";
    private static readonly Lazy<FrozenDictionary<int, string>> Table = new(Load);

    /// <summary>ASCII text for <paramref name="codePoint"/>: "" when it is dropped, " " when it separates words.</summary>
    public static string Of(int codePoint) => Table.Value.GetValueOrDefault(codePoint, Space);

    private static FrozenDictionary<int, string> Load()
    {
        using var stream = typeof(UnicodeFold).Assembly.GetManifestResourceStream("EdgeSentiment.Core.Text.UnicodeFold.txt")
            ?? throw new InvalidOperationException("the UnicodeFold.txt resource is missing from EdgeSentiment.Core");
        using var reader = new StreamReader(stream);
        var table = new Dictionary<int, string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var codePoint = int.Parse(tab < 0 ? line : line[..tab], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            table[codePoint] = tab < 0 ? "" : line[(tab + 1)..];
        }

        return table.ToFrozenDictionary();
    }
}
