using System.Security.Cryptography;
using System.Text;

namespace EdgeSentiment.Device.Booth.Age;

/// <summary>
/// The text header of an age v1 file: the version line, one stanza per recipient, and a MAC over
/// all of it keyed from the file key, so no stanza can be added, removed or altered unseen.
/// </summary>
internal static class AgeHeader
{
    private const string VersionLine = "age-encryption.org/v1";
    private const int ColumnsPerLine = 64;
    private const int MacSize = 32;

    // Real headers are a few hundred bytes; the limit keeps a hostile file from holding us reading.
    private const int MaxLineLength = 4096;
    private const int MaxHeaderSize = 64 * 1024;

    public static byte[] Write(IReadOnlyList<AgeStanza> stanzas, ReadOnlySpan<byte> fileKey)
    {
        var text = new StringBuilder();
        text.Append(VersionLine).Append('\n');
        foreach (var stanza in stanzas)
        {
            text.Append("-> ").Append(stanza.Type);
            foreach (var argument in stanza.Arguments)
            {
                text.Append(' ').Append(argument);
            }

            text.Append('\n');
            var body = AgeBase64.Encode(stanza.Body);

            // Full lines of 64 columns, then a shorter last line (empty when the body fills its lines).
            for (var at = 0; ; at += ColumnsPerLine)
            {
                var length = Math.Min(ColumnsPerLine, body.Length - at);
                text.Append(body, at, length).Append('\n');
                if (length < ColumnsPerLine)
                {
                    break;
                }
            }
        }

        text.Append("---");
        var upToDashes = Encoding.ASCII.GetBytes(text.ToString());
        var mac = AgeKeySchedule.HeaderMac(fileKey, upToDashes);
        return [.. upToDashes, .. Encoding.ASCII.GetBytes($" {AgeBase64.Encode(mac)}\n")];
    }

    /// <summary>Reads the header from <paramref name="input"/>, leaving it at the first payload byte.</summary>
    public static AgeParsedHeader Read(Stream input)
    {
        var raw = new List<byte>(512);
        var first = ReadLine(input, raw);
        if (first != VersionLine)
        {
            throw new AgeException(first is null || !first.StartsWith("age-encryption.org/", StringComparison.Ordinal)
                ? "not an age file (no 'age-encryption.org/v1' first line)"
                : $"unsupported age version '{first}': this reads age v1 files");
        }

        var stanzas = new List<AgeStanza>();
        var line = ReadLine(input, raw) ?? throw Truncated();
        while (line.StartsWith("-> ", StringComparison.Ordinal))
        {
            var parts = line[3..].Split(' ');
            if (Array.Exists(parts, part => part.Length == 0))
            {
                throw Malformed("a stanza line has an empty argument");
            }

            var body = new StringBuilder();
            string bodyLine;
            do
            {
                bodyLine = ReadLine(input, raw) ?? throw Truncated();
                if (bodyLine.Length > ColumnsPerLine)
                {
                    throw Malformed("a stanza body line is longer than 64 columns");
                }

                body.Append(bodyLine);
            }
            while (bodyLine.Length == ColumnsPerLine);

            if (!AgeBase64.TryDecode(body.ToString(), out var bodyBytes))
            {
                throw Malformed("a stanza body is not canonical base64");
            }

            stanzas.Add(new AgeStanza(parts[0], parts[1..], bodyBytes));
            line = ReadLine(input, raw) ?? throw Truncated();
        }

        if (!line.StartsWith("--- ", StringComparison.Ordinal)
            || !AgeBase64.TryDecode(line[4..], out var mac)
            || mac.Length != MacSize)
        {
            throw Malformed("the header does not end with a '--- MAC' line");
        }

        if (stanzas.Count == 0)
        {
            throw Malformed("the header names no recipient");
        }

        // The MAC covers the header up to and including "---", without the space and MAC.
        var upToDashes = raw.GetRange(0, raw.Count - line.Length - 1 + 3).ToArray();
        return new AgeParsedHeader(stanzas, upToDashes, mac);
    }

    /// <summary>True when the header's MAC is the one <paramref name="fileKey"/> gives.</summary>
    public static bool MacMatches(AgeParsedHeader header, ReadOnlySpan<byte> fileKey) =>
        CryptographicOperations.FixedTimeEquals(AgeKeySchedule.HeaderMac(fileKey, header.UpToDashes), header.Mac);

    private static string? ReadLine(Stream input, List<byte> raw)
    {
        var start = raw.Count;
        while (true)
        {
            var b = input.ReadByte();
            if (b < 0)
            {
                return null;
            }

            raw.Add((byte)b);
            if (b == '\n')
            {
                break;
            }

            // Only printable ASCII belongs in a header; anything else is a damaged or foreign file.
            if (b < 0x20 || b > 0x7e || raw.Count - start > MaxLineLength || raw.Count > MaxHeaderSize)
            {
                throw Malformed("the header holds a byte that is not printable ASCII or a line too long");
            }
        }

        return Encoding.ASCII.GetString(raw.GetRange(start, raw.Count - start - 1).ToArray());
    }

    private static AgeException Truncated() => new("the file ends inside its header: it was truncated; copy it again");

    private static AgeException Malformed(string what) => new($"not a valid age file: {what}");
}
