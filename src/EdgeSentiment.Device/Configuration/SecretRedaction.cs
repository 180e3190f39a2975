using System.Text.RegularExpressions;

namespace EdgeSentiment.Device.Configuration;

/// <summary>
/// Decides which configuration values are never printed: passwords, credentials, tokens and key
/// material, by key name or by content. Paths to such files are shown; the files are never read.
/// </summary>
public static partial class SecretRedaction
{
    public const string Placeholder = "(redacted)";

    /// <summary>True when the value of <paramref name="key"/> must not be shown.</summary>
    public static bool IsSecret(string key, string? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (value is not null && value.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            return true;
        }

        var name = key[(key.LastIndexOf(':') + 1)..];
        return SecretName().IsMatch(name) && !PathName().IsMatch(name);
    }

    [GeneratedRegex("password|passwd|passphrase|secret|token|credential|apikey|api_key|privatekey|private_key|^key$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretName();

    // A setting that names a file or folder holds a path, which is safe to show.
    [GeneratedRegex("(File|Path|Directory|Dir)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PathName();
}
