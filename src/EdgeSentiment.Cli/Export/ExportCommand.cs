using System.CommandLine;
using System.Globalization;
using EdgeSentiment.Agent.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeSentiment.Cli.Export;

/// <summary>
/// <c>edgesentiment export [--from TIME] [--to TIME] [--format csv|jsonl] [--out FILE]</c>: the decrypted
/// minute summaries and screening sessions, for a technician. The agent must be stopped for now.
/// </summary>
public static class ExportCommand
{
    public static Command Create(CliConsole console)
    {
        var from = new Option<string?>("--from") { Description = "First time to include, UTC unless an offset is given (e.g. 2026-11-25 or 2026-11-25T18:00Z). Default: the beginning." };
        var to = new Option<string?>("--to") { Description = "Time to stop before, same format. Default: now." };
        var format = new Option<string>("--format") { Description = "csv or jsonl.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "jsonl");
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file instead of stdout." };
        var database = StoreFileOptions.Database();
        var key = StoreFileOptions.Key();
        var command = new Command("export", "Write the decrypted minute summaries and screening sessions as CSV or JSON lines.")
        {
            from,
            to,
            format,
            output,
            database,
            key,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(from),
            parseResult.GetValue(to),
            parseResult.GetRequiredValue(format),
            parseResult.GetValue(output),
            parseResult.GetRequiredValue(database),
            parseResult.GetRequiredValue(key),
            console));
        return command;
    }

    private static int Run(string? fromText, string? toText, string format, FileInfo? output, string databasePath, string keyPath, CliConsole console)
    {
        if (!TryParseTime(fromText, DateTime.MinValue, "--from", console, out var fromUtc)
            || !TryParseTime(toText, DateTime.UtcNow, "--to", console, out var toUtc))
        {
            return ExitCodes.Usage;
        }

        if (!File.Exists(databasePath))
        {
            console.Fail($"no result database at {databasePath}: check --database");
            return ExitCodes.Failed;
        }

        try
        {
            using var storeKey = StoreKeyFile.Load(keyPath);
            using var store = LiteDbResultStore.Open(
                new StoreOptions { DatabasePath = databasePath, KeyFile = keyPath }, storeKey, keyPath, NullLogger.Instance, TimeProvider.System);
            var minutes = store.ReadMinutes(fromUtc, toUtc).Select(r => r.Value).ToList();
            var sessions = store.ReadSessions(fromUtc, toUtc).Select(r => r.Value).ToList();
            using (var writer = output is null ? null : new StreamWriter(output.FullName))
            {
                var target = writer ?? console.Out;
                if (format == "jsonl")
                {
                    ExportJsonl.Write(target, minutes, sessions);
                }
                else
                {
                    ExportCsv.Write(target, minutes, sessions);
                }
            }

            var tampered = store.GetStatus().TamperedRecords;
            if (tampered > 0)
            {
                console.Fail($"{tampered} records failed authentication (altered or swapped) and were left out");
                return ExitCodes.Failed;
            }

            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is StoreKeyException or StoreOpenException)
        {
            console.Fail(e.Message);
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Fail($"cannot write {output?.FullName}: {e.Message}");
            return ExitCodes.Failed;
        }
    }

    private static bool TryParseTime(string? text, DateTime fallback, string option, CliConsole console, out DateTime utc)
    {
        utc = fallback;
        if (text is null)
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            utc = parsed.UtcDateTime;
            return true;
        }

        console.Fail($"{option} '{text}' is not a time; use e.g. 2026-11-25 or 2026-11-25T18:00Z");
        return false;
    }
}
