using System.CommandLine;
using System.Text.Json;
using EdgeSentiment.Cli.Terminal;
using EdgeSentiment.Device.Configuration;

namespace EdgeSentiment.Cli.Config;

/// <summary>
/// <c>edgesentiment config show [--json] [--config-dir DIR]</c>: every configuration key with its
/// effective value and the source that set it; passwords, credentials and key material are redacted.
/// </summary>
public static class ConfigShowCommand
{
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true };

    public static Command Create(CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON document instead of a table." };
        var directory = ConfigDirectoryOption.Create();
        var command = new Command(
            "show",
            "Print every configuration key, its effective value and where it was set (appsettings.json, a file in the "
            + "configuration folder, an EDGESENTIMENT_ variable, or the default). Secrets are redacted.")
        {
            json,
            directory,
        }.WithExamples(
            "edgesentiment config show",
            "edgesentiment config show --config-dir /etc/edgesentiment --json");
        command.SetAction(parseResult => Run(parseResult.GetValue(json), parseResult.GetValue(directory), console));
        return command;
    }

    private static int Run(bool json, string? directory, CliConsole console)
    {
        AgentConfiguration configuration;
        try
        {
            configuration = AgentConfiguration.Load(directory);
        }
        catch (SettingsFileException e)
        {
            // The agent would not start on it either (exit 78); nothing else can be checked without the settings.
            console.Fail(e.Message);
            return ExitCodes.Configuration;
        }

        var entries = ConfigEntries.From(configuration);
        if (json)
        {
            WriteJson(console.Out, configuration, entries);
        }
        else
        {
            WriteTable(console.Out, TerminalColors.For(console), configuration, entries);
        }

        foreach (var failure in configuration.Failures)
        {
            console.Fail(failure);
        }

        return configuration.Failures.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static void WriteTable(TextWriter output, TerminalColors colors, AgentConfiguration configuration, IReadOnlyList<ConfigEntry> entries)
    {
        var keyWidth = 3;
        var valueWidth = 5;
        foreach (var entry in entries)
        {
            keyWidth = Math.Max(keyWidth, entry.Key.Length);
            valueWidth = Math.Max(valueWidth, Shown(entry).Length);
        }

        valueWidth = Math.Min(valueWidth, 48);
        output.WriteLine($"configuration folder: {configuration.Directory}{(Directory.Exists(configuration.Directory) ? "" : " (does not exist)")}");
        output.WriteLine(colors.Bold($"{"KEY".PadRight(keyWidth)}  {"VALUE".PadRight(valueWidth)}  SOURCE"));
        foreach (var entry in entries)
        {
            var source = entry.Source == ConfigEntries.DefaultSource ? colors.Dim(entry.Source) : entry.Source;
            output.WriteLine($"{entry.Key.PadRight(keyWidth)}  {Shown(entry).PadRight(valueWidth)}  {source}");
        }
    }

    private static string Shown(ConfigEntry entry) =>
        entry.Redacted ? SecretRedaction.Placeholder : entry.Value is null ? "(none)" : entry.Value.Length == 0 ? "\"\"" : entry.Value;

    private static void WriteJson(TextWriter output, AgentConfiguration configuration, IReadOnlyList<ConfigEntry> entries)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("configurationDirectory", configuration.Directory);
            json.WriteStartArray("entries");
            foreach (var entry in entries)
            {
                json.WriteStartObject();
                json.WriteString("key", entry.Key);
                if (entry.Redacted)
                {
                    json.WriteString("value", SecretRedaction.Placeholder);
                }
                else
                {
                    json.WriteString("value", entry.Value);
                }

                json.WriteString("source", entry.Source);
                json.WriteBoolean("redacted", entry.Redacted);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("errors");
            foreach (var failure in configuration.Failures)
            {
                json.WriteStringValue(failure);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
