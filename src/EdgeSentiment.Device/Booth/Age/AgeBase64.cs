namespace EdgeSentiment.Device.Booth.Age;

/// <summary>The age header's base64: the standard alphabet without padding, canonical only
/// (a string that re-encodes differently is refused, so one header has one spelling and one MAC).</summary>
internal static class AgeBase64
{
    public static string Encode(ReadOnlySpan<byte> data) => Convert.ToBase64String(data).TrimEnd('=');

    public static bool TryDecode(string text, out byte[] data)
    {
        data = [];
        if (text.Contains('=', StringComparison.Ordinal) || text.Length % 4 == 1)
        {
            return false;
        }

        var padded = text.Length % 4 == 0 ? text : text + new string('=', 4 - (text.Length % 4));
        try
        {
            data = Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return false;
        }

        // FromBase64String ignores white space and non-zero trailing bits; re-encoding catches both.
        return Encode(data) == text;
    }
}
