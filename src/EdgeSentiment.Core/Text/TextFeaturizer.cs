namespace EdgeSentiment.Core.Text;

/// <summary>
/// Text -> hashed word and character n-gram ids and values, the same as
/// <c>scripts/text/featurize.py</c>. For each token in order: its word id, the bigram with the
/// previous token, the character n-grams of "&lt;token&gt;"; ids are FNV-1a (32-bit) of a kind byte
/// and the text, modulo the bucket count. Word features get 1/sqrt(their count) and character
/// n-grams 1/sqrt(theirs), so each family has unit length. One instance serves one thread.
/// </summary>
public sealed class TextFeaturizer
{
    private const uint FnvOffset = 2166136261;
    private const uint FnvPrime = 16777619;
    private const byte WordKind = (byte)'w';
    private const byte BigramKind = (byte)'b';
    private const byte CharKind = (byte)'c';
    // Marks a character n-gram in the values span until the counts are known.
    private const float CharMark = -1f;
    private readonly TextTokenizer _tokenizer = new();
    private readonly uint _mask;

    public TextFeaturizer(TextFeatureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Buckets <= 0 || (settings.Buckets & (settings.Buckets - 1)) != 0)
        {
            throw new ArgumentException($"buckets must be a power of two, got {settings.Buckets}", nameof(settings));
        }

        Settings = settings;
        _mask = (uint)settings.Buckets - 1;
    }

    public TextFeatureSettings Settings { get; }

    /// <summary>The tokenizer, holding the tokens of the last <see cref="Featurize"/>.</summary>
    public TextTokenizer Tokenizer => _tokenizer;

    /// <summary>
    /// Writes the features of <paramref name="text"/> into <paramref name="ids"/> and
    /// <paramref name="values"/> (each at least <see cref="TextFeatureSettings.Capacity"/> long) and
    /// returns how many; features past the capacity are dropped, as in training.
    /// </summary>
    public int Featurize(ReadOnlySpan<char> text, Span<long> ids, Span<float> values)
    {
        var capacity = Settings.Capacity;
        if (ids.Length < capacity || values.Length < capacity)
        {
            throw new ArgumentException($"room for {capacity} ids and values is needed");
        }

        var tokens = _tokenizer.Tokenize(text);
        var count = 0;
        var words = 0;
        for (var t = 0; t < tokens && count < capacity; t++)
        {
            var token = _tokenizer[t];
            ids[count] = Hash(WordKind, token, default) & _mask;
            values[count++] = 1f;
            words++;
            if (Settings.WordNgrams >= 2 && t > 0 && count < capacity)
            {
                ids[count] = Hash(BigramKind, _tokenizer[t - 1], token) & _mask;
                values[count++] = 1f;
                words++;
            }

            for (var n = Settings.CharMin; n <= Settings.CharMax; n++)
            {
                // "<token>" has token.Length + 2 characters.
                for (var start = 0; start + n <= token.Length + 2 && count < capacity; start++)
                {
                    ids[count] = CharGramHash(token, start, n) & _mask;
                    values[count++] = CharMark;
                }
            }
        }

        var chars = count - words;
        var wordValue = words == 0 ? 0f : (float)(1.0 / Math.Sqrt(words));
        var charValue = chars == 0 ? 0f : (float)(1.0 / Math.Sqrt(chars));
        for (var i = 0; i < count; i++)
        {
            values[i] = values[i] == CharMark ? charValue : wordValue;
        }

        return count;
    }

    // A bigram hashes "first second"; a word hashes only the first part.
    private static uint Hash(byte kind, ReadOnlySpan<char> first, ReadOnlySpan<char> second)
    {
        var h = Step(FnvOffset, kind);
        foreach (var c in first)
        {
            h = Step(h, c);
        }

        if (second.IsEmpty)
        {
            return h;
        }

        h = Step(h, ' ');
        foreach (var c in second)
        {
            h = Step(h, c);
        }

        return h;
    }

    // The n characters of "<token>" from start, hashed without building the string.
    private static uint CharGramHash(ReadOnlySpan<char> token, int start, int n)
    {
        var h = Step(FnvOffset, CharKind);
        for (var i = start; i < start + n; i++)
        {
            var c = i == 0 ? '<' : i == token.Length + 1 ? '>' : token[i - 1];
            h = Step(h, c);
        }

        return h;
    }

    // Tokens are ASCII, so a char is its UTF-8 byte.
    private static uint Step(uint hash, int value) => unchecked((hash ^ (uint)value) * FnvPrime);
}
