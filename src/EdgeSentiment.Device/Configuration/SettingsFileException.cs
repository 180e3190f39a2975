using System.Globalization;
using System.Text.Json;

namespace EdgeSentiment.Device.Configuration;

/// <summary>A settings file that is not one whole JSON object: named with the line to fix, for a one-line error and exit 78.</summary>
public sealed class SettingsFileException : Exception
{
    // The same leniency as the configuration's JSON provider: comments and trailing commas are fine.
    private static readonly JsonDocumentOptions ProviderOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public SettingsFileException()
    {
    }

    public SettingsFileException(string message)
        : base(message)
    {
    }

    public SettingsFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Reads <paramref name="path"/> as the configuration would, and says where it is broken.</summary>
    /// <exception cref="SettingsFileException">The file is not valid JSON or not an object.</exception>
    public static void ThrowIfMalformed(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path), ProviderOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new SettingsFileException($"{path}: not a settings file: it must be one JSON object, {{ \"Section\": {{ \"Key\": value }} }}; fix it and start again");
            }
        }
        catch (JsonException e)
        {
            var reason = e.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0].TrimEnd('.', ' ');
            var line = (e.LineNumber ?? 0) + 1;
            throw new SettingsFileException(
                string.Create(CultureInfo.InvariantCulture, $"{path}: not valid JSON near line {line} ({reason}); a settings file is one whole JSON object, e.g. {{ \"Capture\": {{ \"Source\": \"Microphone\" }} }}: fix it and start again"),
                e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SettingsFileException($"{path}: cannot be read ({e.Message}); check its owner and mode", e);
        }
    }
}
