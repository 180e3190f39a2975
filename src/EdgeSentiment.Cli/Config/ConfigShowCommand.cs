using System.CommandLine;
using System.Text.Json;
using EdgeSentiment.Cli.Control;
using EdgeSentiment.Cli.Terminal;
using EdgeSentiment.Device.Configuration;
using EdgeSentiment.Device.Control.Contract;

namespace EdgeSentiment.Cli.Config;

/// <summary>
/// <c>edgesentiment config show [--json] [--config-dir DIR] [--socket PATH]</c>: every configuration key
/// with its effective value and the source that set it; passwords, credentials and key material are
/// redacted. The running agent is asked for the settings it uses (a shell sees neither its command
/// line nor its environment); without one, or with <c>--config-dir</c>, the files are read as the
/// agent would read them at its next start.
/// </summary>
public static class ConfigShowCommand
{
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true };
    private static readonly TimeSpan AgentLimit = TimeSpan.FromSeconds(10);

    public static Command Create(CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON document instead of a table." };
        var directory = ConfigDirectoryOption.Create();
        var socket = AgentOptions.Socket();
        var command = new Command(
            "show",
            "Print every configuration key, its effective value and where it was set (appsettings.json, a file in the "
            + "configuration folder, an EDGESENTIMENT_ variable, the command line, or the default). Secrets are redacted. "
            + "Shows what the running agent uses when it answers on its control socket; else (or with --config-dir) what the files give.")
        {
            json,
            directory,
            socket,
        }.WithExamples(
            "edgesentiment config show",
            "edgesentiment config show --socket state/control.sock   # the agent of scripts/run",
            "edgesentiment config show --config-dir /etc/edgesentiment --json");
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(parseResult.GetValue(json), parseResult.GetValue(directory), parseResult.GetRequiredValue(socket), console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(bool json, string? directory, string socket, CliConsole console, CancellationToken cancellationToken)
    {
        string note;
        if (directory is null)
        {
            var (settings, whyNot) = await AskAgentAsync(socket, cancellationToken);
            if (settings is not null)
            {
                var from = $"the running agent (pid {settings.ProcessId}) on {socket}";
                var read = settings.ConfigurationDirectory is { } folder ? $"; it read {folder}/*.json at its start" : "";
                Write(console, json, "agent", $"settings of {from}{read}", settings.ConfigurationDirectory, settings.ProcessId, settings.Entries, []);
                return ExitCodes.Ok;
            }

            note = $"{whyNot}; these are the settings the agent would start with, read from the files";
        }
        else
        {
            note = "read from the files in --config-dir; the running agent is not asked";
        }

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

        Write(console, json, "files", note, configuration.Directory, null, configuration.Entries(), configuration.Failures);
        foreach (var failure in configuration.Failures)
        {
            console.Fail(failure);
        }

        return configuration.Failures.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    /// <summary>The running agent's settings, or null and why there are none.</summary>
    private static async Task<(ConfigReply? Settings, string WhyNot)> AskAgentAsync(string socket, CancellationToken cancellationToken)
    {
        using var client = new AgentClient(socket);
        try
        {
            return (await client.GetAsync<ConfigReply>(ControlApi.Configuration, AgentLimit, cancellationToken), "");
        }
        catch (AgentNotRunningException e)
        {
            return (null, $"no agent answers ({e.Message})");
        }
        catch (AgentRefusedException e)
        {
            return (null, $"the agent on {socket} refused this user ({e.Message}; {AgentClient.GroupFix})");
        }
        catch (Exception e) when (AgentCommand.IsAgentFailure(e))
        {
            return (null, $"the agent on {socket} did not tell its settings ({e.Message})");
        }
    }

    private static void Write(
        CliConsole console, bool json, string from, string note, string? directory, int? processId, IReadOnlyList<ConfigEntry> entries, IReadOnlyList<string> errors)
    {
        if (json)
        {
            WriteJson(console.Out, from, note, directory, processId, entries, errors);
        }
        else
        {
            WriteTable(console.Out, TerminalColors.For(console), note, directory, entries);
        }
    }

    private static void WriteTable(TextWriter output, TerminalColors colors, string note, string? directory, IReadOnlyList<ConfigEntry> entries)
    {
        var keyWidth = 3;
        var valueWidth = 5;
        foreach (var entry in entries)
        {
            keyWidth = Math.Max(keyWidth, entry.Key.Length);
            valueWidth = Math.Max(valueWidth, Shown(entry).Length);
        }

        valueWidth = Math.Min(valueWidth, 48);
        output.WriteLine(note);
        if (directory is not null)
        {
            output.WriteLine($"configuration folder: {directory}{(Directory.Exists(directory) ? "" : " (does not exist)")}");
        }

        output.WriteLine(colors.Bold($"{"KEY".PadRight(keyWidth)}  {"VALUE".PadRight(valueWidth)}  SOURCE"));
        foreach (var entry in entries)
        {
            var source = entry.Source == ConfigEntries.DefaultSource ? colors.Dim(entry.Source) : entry.Source;
            output.WriteLine($"{entry.Key.PadRight(keyWidth)}  {Shown(entry).PadRight(valueWidth)}  {source}");
        }
    }

    private static string Shown(ConfigEntry entry) =>
        entry.Redacted ? SecretRedaction.Placeholder : entry.Value is null ? "(none)" : entry.Value.Length == 0 ? "\"\"" : entry.Value;

    private static void WriteJson(
        TextWriter output, string from, string note, string? directory, int? processId, IReadOnlyList<ConfigEntry> entries, IReadOnlyList<string> errors)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("from", from);
            json.WriteString("note", note);
            if (processId is { } pid)
            {
                json.WriteNumber("processId", pid);
            }

            json.WriteString("configurationDirectory", directory);
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
            foreach (var error in errors)
            {
                json.WriteStringValue(error);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
