using System.Globalization;

namespace EdgeSentiment.Cli.History;

/// <summary>Reads <c>--since</c>: a span back from now (<c>90s</c>, <c>45m</c>, <c>2h</c>, <c>3d</c>) or a time (<c>2026-11-25T18:00Z</c>).</summary>
public static class SinceArgument
{
    public static bool TryParse(string text, DateTime nowUtc, out DateTime sinceUtc)
    {
        ArgumentNullException.ThrowIfNull(text);
        sinceUtc = default;
        text = text.Trim();
        if (text.Length >= 2 && double.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            TimeSpan? span = char.ToLowerInvariant(text[^1]) switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                _ => null,
            };
            if (span is { } back)
            {
                sinceUtc = nowUtc - back;
                return true;
            }
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            sinceUtc = parsed.UtcDateTime;
            return true;
        }

        return false;
    }
}
