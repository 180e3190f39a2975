using System.Text.Encodings.Web;
using System.Text.Json;

namespace EdgeSentiment.Cli.Terminal;

/// <summary>One indented JSON object on the output: what a command's <c>--json</c> prints about what it did.</summary>
public static class JsonOutput
{
    // Paths and messages are printed as they are: a script reads them, no browser does.
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void WriteObject(TextWriter output, Action<Utf8JsonWriter> properties)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(properties);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            properties(json);
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
