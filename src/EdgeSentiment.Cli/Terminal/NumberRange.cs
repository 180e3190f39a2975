using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

namespace EdgeSentiment.Cli.Terminal;

/// <summary>
/// Numeric options read by our own parser: a word, a number too large for its type or one out of range
/// is a usage error (one line, exit 2), never an exception from a validator reading a value that did not convert.
/// </summary>
public static class NumberRange
{
    /// <summary>Accepts only numbers between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public static Option<T> Between<T>(this Option<T> option, T min, T max, string? why = null)
        where T : struct, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(option);
        option.CustomParser = result => TryParse(result, option.Name, min, max, why, out var value) ? value : default;
        return option;
    }

    /// <summary>Accepts only numbers between <paramref name="min"/> and <paramref name="max"/>; absent stays null.</summary>
    public static Option<T?> Between<T>(this Option<T?> option, T min, T max, string? why = null)
        where T : struct, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(option);
        option.CustomParser = result => TryParse(result, option.Name, min, max, why, out var value) ? value : null;
        return option;
    }

    private static bool TryParse<T>(ArgumentResult result, string name, T min, T max, string? why, out T value)
        where T : struct, INumber<T>
    {
        value = default;
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        var range = string.Create(CultureInfo.InvariantCulture, $"between {min} and {max}{why}");
        if (!T.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            result.AddError($"{name} must be a number {range}; got '{text}'.");
            return false;
        }

        // NaN compares false both ways, so it is refused by the negated test.
        if (!(value >= min && value <= max))
        {
            result.AddError($"{name} must be {range}; got {text}.");
            return false;
        }

        return true;
    }
}
