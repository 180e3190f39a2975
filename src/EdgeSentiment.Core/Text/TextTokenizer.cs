using System.Text;

namespace EdgeSentiment.Core.Text;

/// <summary>
/// Splits text into the tokens the text model was trained on, exactly as
/// <c>scripts/text/featurize.py</c> does: apostrophe look-alikes become <c>'</c>, other non-ASCII
/// characters their NFKD without combining marks ("café" -> "cafe"), only ASCII letters, digits
/// and apostrophes kept and lower-cased, clitics split the way SST writes them ("don't" -> "do n't",
/// "it's" -> "it 's").
/// The buffers grow to the longest text seen and are reused: one instance serves one thread.
/// </summary>
public sealed class TextTokenizer
{
    private static readonly string[] Clitics = ["s", "re", "ve", "ll", "d", "m"];
    private char[] _folded = new char[256];
    private char[] _tokens = new char[256];
    private int[] _starts = new int[128];
    private int[] _lengths = new int[128];
    private int _used;

    /// <summary>Tokens found by the last <see cref="Tokenize"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Token <paramref name="index"/> of the last <see cref="Tokenize"/>; valid until the next call.</summary>
    public ReadOnlySpan<char> this[int index] => _tokens.AsSpan(_starts[index], _lengths[index]);

    /// <summary>Tokenizes <paramref name="text"/>; returns <see cref="Count"/>.</summary>
    public int Tokenize(ReadOnlySpan<char> text)
    {
        var folded = Fold(text);
        Count = 0;
        _used = 0;
        EnsureTokenRoom(folded.Length);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inRun = i < folded.Length && folded[i] != ' ';
            if (inRun && start < 0)
            {
                start = i;
            }
            else if (!inRun && start >= 0)
            {
                AddRun(folded[start..i]);
                start = -1;
            }
        }

        return Count;
    }

    // Lower-case ASCII letters, digits and apostrophes; a space for everything else. A non-ASCII
    // character becomes what the training script's Unicode data says (UnicodeFold.txt), not what
    // this runtime's says: the device runs with invariant globalization, and the two could differ.
    private ReadOnlySpan<char> Fold(ReadOnlySpan<char> text)
    {
        EnsureFoldRoom(text.Length);
        var length = 0;
        var ascii = Ascii.IsValid(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (ascii || c < 0x80)
            {
                _folded[length++] = FoldAscii(c);
                continue;
            }

            var codePoint = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                ? char.ConvertToUtf32(c, text[++i])
                : c;
            var folded = UnicodeFold.Of(codePoint);
            EnsureFoldRoom(length + folded.Length + (text.Length - i));
            foreach (var f in folded)
            {
                _folded[length++] = FoldAscii(f);
            }
        }

        return _folded.AsSpan(0, length);
    }

    private static char FoldAscii(char c) => c switch
    {
        >= 'A' and <= 'Z' => (char)(c + 32),
        (>= 'a' and <= 'z') or (>= '0' and <= '9') or '\'' => c,
        '`' => '\'',
        _ => ' ',
    };

    // One run of letters, digits and apostrophes -> zero, one or two tokens (see the class summary).
    private void AddRun(ReadOnlySpan<char> run)
    {
        run = run.TrimEnd('\'');
        var core = run.TrimStart('\'');
        if (core.IsEmpty)
        {
            return;
        }

        if (core.Length != run.Length && IsClitic(core))
        {
            Add(run[(run.Length - core.Length - 1)..], keepApostrophes: true);
            return;
        }

        if (core is "n't")
        {
            Add(core, keepApostrophes: true);
            return;
        }

        if (core.Length > 3 && core.EndsWith("n't", StringComparison.Ordinal))
        {
            Add(core[..^3], keepApostrophes: false);
            Add(core[^3..], keepApostrophes: true);
            return;
        }

        var cut = core.LastIndexOf('\'');
        if (cut > 0 && IsClitic(core[(cut + 1)..]))
        {
            Add(core[..cut], keepApostrophes: false);
            Add(core[cut..], keepApostrophes: true);
            return;
        }

        Add(core, keepApostrophes: false);
    }

    private static bool IsClitic(ReadOnlySpan<char> text)
    {
        foreach (var clitic in Clitics)
        {
            if (text.SequenceEqual(clitic))
            {
                return true;
            }
        }

        return false;
    }

    private void Add(ReadOnlySpan<char> token, bool keepApostrophes)
    {
        var start = _used;
        foreach (var c in token)
        {
            if (keepApostrophes || c != '\'')
            {
                _tokens[_used++] = c;
            }
        }

        if (_used == start)
        {
            return;
        }

        if (Count == _starts.Length)
        {
            Array.Resize(ref _starts, _starts.Length * 2);
            Array.Resize(ref _lengths, _lengths.Length * 2);
        }

        _starts[Count] = start;
        _lengths[Count] = _used - start;
        Count++;
    }

    private void EnsureFoldRoom(int length)
    {
        if (_folded.Length < length)
        {
            Array.Resize(ref _folded, Math.Max(length, _folded.Length * 2));
        }
    }

    // Tokens never hold more characters than the folded text: splitting moves characters, cleaning drops some.
    private void EnsureTokenRoom(int length)
    {
        if (_tokens.Length < length)
        {
            _tokens = new char[Math.Max(length, _tokens.Length * 2)];
        }
    }
}
