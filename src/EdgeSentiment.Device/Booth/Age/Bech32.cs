using System.Text;

namespace EdgeSentiment.Device.Booth.Age;

/// <summary>
/// Bech32 (BIP 173, not Bech32m) as age uses it for recipients and identities: the same checksum
/// and alphabet, without BIP 173's 90-character limit, all lower case or all upper case.
/// </summary>
internal static class Bech32
{
    private const string Alphabet = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private const int ChecksumLength = 6;

    private static readonly uint[] Generator = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

    /// <summary>Encodes <paramref name="data"/> under <paramref name="humanPart"/>; the case of the
    /// result follows the case of <paramref name="humanPart"/>.</summary>
    public static string Encode(string humanPart, ReadOnlySpan<byte> data)
    {
        var lowerHuman = humanPart.ToLowerInvariant();
        var values = ToFiveBit(data);
        var checksum = Checksum(lowerHuman, values);
        var text = new StringBuilder(lowerHuman.Length + 1 + values.Length + ChecksumLength);
        text.Append(lowerHuman).Append('1');
        foreach (var value in values)
        {
            text.Append(Alphabet[value]);
        }

        foreach (var value in checksum)
        {
            text.Append(Alphabet[value]);
        }

        var encoded = text.ToString();
        return humanPart == lowerHuman ? encoded : encoded.ToUpperInvariant();
    }

    /// <summary>Decodes <paramref name="text"/>, or returns false when it is not valid Bech32
    /// (mixed case, a character outside the alphabet, a wrong checksum or padding).</summary>
    public static bool TryDecode(string text, out string humanPart, out byte[] data)
    {
        humanPart = string.Empty;
        data = [];
        if (!string.Equals(text.ToLowerInvariant(), text, StringComparison.Ordinal)
            && !string.Equals(text.ToUpperInvariant(), text, StringComparison.Ordinal))
        {
            return false;
        }

        var lower = text.ToLowerInvariant();
        var separator = lower.LastIndexOf('1');
        if (separator < 1 || lower.Length - separator - 1 < ChecksumLength)
        {
            return false;
        }

        foreach (var c in lower.AsSpan(0, separator))
        {
            if (c < 33 || c > 126)
            {
                return false;
            }
        }

        var values = new byte[lower.Length - separator - 1];
        for (var i = 0; i < values.Length; i++)
        {
            var index = Alphabet.IndexOf(lower[separator + 1 + i], StringComparison.Ordinal);
            if (index < 0)
            {
                return false;
            }

            values[i] = (byte)index;
        }

        var human = lower[..separator];
        if (Polymod(human, values) != 1)
        {
            return false;
        }

        if (!TryFromFiveBit(values.AsSpan(0, values.Length - ChecksumLength), out data))
        {
            return false;
        }

        humanPart = human;
        return true;
    }

    private static byte[] ToFiveBit(ReadOnlySpan<byte> data)
    {
        var values = new byte[((data.Length * 8) + 4) / 5];
        int accumulator = 0, bits = 0, index = 0;
        foreach (var b in data)
        {
            accumulator = (accumulator << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                values[index++] = (byte)((accumulator >> bits) & 31);
            }
        }

        if (bits > 0)
        {
            values[index] = (byte)((accumulator << (5 - bits)) & 31);
        }

        return values;
    }

    private static bool TryFromFiveBit(ReadOnlySpan<byte> values, out byte[] data)
    {
        data = new byte[values.Length * 5 / 8];
        int accumulator = 0, bits = 0, index = 0;
        foreach (var value in values)
        {
            accumulator = (accumulator << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                data[index++] = (byte)((accumulator >> bits) & 255);
            }
        }

        // At most four bits of zero padding: anything else is a different (non-canonical) string.
        return bits < 5 && (accumulator & ((1 << bits) - 1)) == 0;
    }

    private static byte[] Checksum(string humanPart, ReadOnlySpan<byte> values)
    {
        var withRoom = new byte[values.Length + ChecksumLength];
        values.CopyTo(withRoom);
        var polymod = Polymod(humanPart, withRoom) ^ 1;
        var checksum = new byte[ChecksumLength];
        for (var i = 0; i < ChecksumLength; i++)
        {
            checksum[i] = (byte)((polymod >> (5 * (5 - i))) & 31);
        }

        return checksum;
    }

    private static uint Polymod(string humanPart, ReadOnlySpan<byte> values)
    {
        uint check = 1;
        foreach (var c in humanPart)
        {
            check = Step(check, (uint)(c >> 5));
        }

        check = Step(check, 0);
        foreach (var c in humanPart)
        {
            check = Step(check, (uint)(c & 31));
        }

        foreach (var value in values)
        {
            check = Step(check, value);
        }

        return check;
    }

    private static uint Step(uint check, uint value)
    {
        var top = check >> 25;
        check = ((check & 0x1ffffff) << 5) ^ value;
        for (var i = 0; i < Generator.Length; i++)
        {
            if (((top >> i) & 1) != 0)
            {
                check ^= Generator[i];
            }
        }

        return check;
    }
}
