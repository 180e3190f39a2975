using System.CommandLine;
using System.Globalization;
using EdgeSentiment.Cli.Control;
using EdgeSentiment.Cli.Terminal;
using EdgeSentiment.Device.Control.Contract;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Device.Storage.Sealing;
using Microsoft.Extensions.Logging.Abstractions;

namespace EdgeSentiment.Cli.Export;

/// <summary>
/// <c>edgesentiment export [--from TIME] [--to TIME] [--format csv|jsonl] [--out FILE]</c>: the decrypted
/// minute summaries and screening sessions, for a technician. Asks the running agent; with
/// <c>--database</c>/<c>--key</c>, or when the agent is not running, reads the database file itself.
/// </summary>
public static class ExportCommand
{
    public static Command Create(CliConsole console)
    {
        var from = new Option<string?>("--from") { Description = "First time to include, UTC unless an offset is given (e.g. 2026-11-25 or 2026-11-25T18:00Z). Default: the beginning." };
        var to = new Option<string?>("--to") { Description = "Time to stop before, same format. Default: now." };
        var format = new Option<string>("--format") { Description = "csv or jsonl.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "jsonl");
        var json = new Option<bool>("--json") { Description = "JSON Lines, one object per minute, then per session: the same as --format jsonl." };
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file instead of stdout." };
        var database = StoreFileOptions.Database();
        var key = StoreFileOptions.Key();
        var socket = AgentOptions.Socket();
        var command = new Command(
            "export",
            "Write the decrypted minute summaries and screening sessions as CSV or JSON lines. Asks the running agent "
            + "(through its control socket); with --database or --key, or when the agent is not running, reads the "
            + "database file directly (then the agent must be stopped, and the key readable: usually sudo).")
        {
            from,
            to,
            format,
            json,
            output,
            database,
            key,
            socket,
        }.WithExamples(
            "edgesentiment export --from 2026-11-25 --out results.csv",
            "edgesentiment export --format jsonl --socket state/control.sock",
            "edgesentiment export --json | jq -c 'select(.record == \"session\")'   # --json is --format jsonl",
            "sudo edgesentiment export --database /var/lib/edgesentiment/results.db   # agent stopped");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (!TryParseTime(parseResult.GetValue(from), DateTime.MinValue, "--from", console, out var fromUtc)
                || !TryParseTime(parseResult.GetValue(to), DateTime.UtcNow, "--to", console, out var toUtc))
            {
                return ExitCodes.Usage;
            }

            if (fromUtc >= toUtc)
            {
                console.Fail($"--from ({fromUtc:yyyy-MM-dd HH:mm}Z) must be before --to ({toUtc:yyyy-MM-dd HH:mm}Z); nothing lies between them.");
                return ExitCodes.Usage;
            }

            var formatName = parseResult.GetRequiredValue(format);
            if (parseResult.GetValue(json))
            {
                if (parseResult.GetResult(format) is { Implicit: false } && formatName != "jsonl")
                {
                    console.Fail($"--json writes JSON Lines; it cannot be combined with --format {formatName}.");
                    return ExitCodes.Usage;
                }

                formatName = "jsonl";
            }

            var outFile = parseResult.GetValue(output);
            var databasePath = parseResult.GetRequiredValue(database);
            var keyPath = parseResult.GetRequiredValue(key);
            var direct = parseResult.GetResult(database) is { Implicit: false } || parseResult.GetResult(key) is { Implicit: false };
            if (!direct)
            {
                var throughAgent = await ThroughAgentAsync(fromUtc, toUtc, formatName, outFile, parseResult.GetRequiredValue(socket), console, cancellationToken).ConfigureAwait(false);
                if (throughAgent != ExitCodes.AgentNotRunning)
                {
                    return throughAgent;
                }

                console.Error.WriteLine($"The agent is not running; reading {databasePath} directly.");
            }

            return await FromFileAsync(fromUtc, toUtc, formatName, outFile, databasePath, keyPath, console).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> ThroughAgentAsync(
        DateTime fromUtc, DateTime toUtc, string format, FileInfo? output, string socket, CliConsole console, CancellationToken cancellationToken)
    {
        // Not running is answered quietly here: the caller falls back to the file.
        using var client = new AgentClient(socket);
        var path = $"{ControlApi.Export}?from={Uri.EscapeDataString(fromUtc.ToString("O", CultureInfo.InvariantCulture))}"
            + $"&to={Uri.EscapeDataString(toUtc.ToString("O", CultureInfo.InvariantCulture))}";
        var lines = client.StreamAsync<ExportLine>(path, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (lines.ConfigureAwait(false))
        {
            bool any;
            try
            {
                any = await lines.MoveNextAsync().ConfigureAwait(false);
            }
            catch (AgentNotRunningException)
            {
                return ExitCodes.AgentNotRunning;
            }
            catch (Exception e) when (AgentCommand.IsAgentFailure(e))
            {
                return AgentCommand.Report(console, e);
            }

            // Each line is written as it arrives: months of minutes never sit in memory here either.
            long? tampered = null;
            Exception? cut = null;
            var exit = await WriteAsync(format, output, console, async rows =>
            {
                while (any)
                {
                    var line = lines.Current;
                    if (line.Minute is { } minute)
                    {
                        rows.Minute(minute.ToSummary());
                    }
                    else if (line.Session is { } session)
                    {
                        rows.Session(session.ToSession());
                    }
                    else if (line.TamperedRecords is { } count)
                    {
                        tampered = count;
                    }

                    try
                    {
                        any = await lines.MoveNextAsync().ConfigureAwait(false);
                    }
                    catch (Exception e) when (AgentCommand.IsAgentFailure(e))
                    {
                        cut = e;
                        any = false;
                    }
                }
            }).ConfigureAwait(false);
            if (exit != ExitCodes.Ok)
            {
                return exit;
            }

            if (cut is not null || tampered is null)
            {
                console.Fail("the agent stopped sending before the export was complete"
                    + (cut is null ? string.Empty : $" ({cut.Message})") + "; check that it runs and export again");
                return ExitCodes.Failed;
            }

            return ReportTampered(tampered.Value, console);
        }
    }

    /// <summary>Opens the output (a file or stdout), hands <paramref name="write"/> the writer of the format, and reports a failed write.</summary>
    private static async Task<int> WriteAsync(string format, FileInfo? output, CliConsole console, Func<IExportRows, Task> write)
    {
        try
        {
            using var writer = output is null ? null : new StreamWriter(output.FullName);
            var target = writer ?? console.Out;
            await write(format == "jsonl" ? new ExportJsonl(target) : new ExportCsv(target)).ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Fail($"cannot write {output?.FullName}: {e.Message}");
            return ExitCodes.Failed;
        }
    }

    private static int ReportTampered(long tampered, CliConsole console)
    {
        if (tampered == 0)
        {
            return ExitCodes.Ok;
        }

        console.Fail($"{tampered} records failed authentication (altered or swapped) and were left out");
        return ExitCodes.Failed;
    }

    private static async Task<int> FromFileAsync(DateTime fromUtc, DateTime toUtc, string format, FileInfo? output, string databasePath, string keyPath, CliConsole console)
    {
        if (!File.Exists(databasePath))
        {
            console.Fail($"no result database at {databasePath}: check --database");
            return ExitCodes.Failed;
        }

        try
        {
            using var storeKey = StoreKeyFile.Load(keyPath);
            using var store = LiteDbResultStore.OpenReadOnly(
                new StoreOptions { DatabasePath = databasePath, KeyFile = keyPath }, storeKey, keyPath, NullLogger.Instance, TimeProvider.System);
            var exit = await WriteAsync(format, output, console, rows =>
            {
                foreach (var slice in store.ReadMinutesInSlices(fromUtc, toUtc, ResultStoreSlices.Day))
                {
                    foreach (var minute in slice)
                    {
                        rows.Minute(minute.Value);
                    }
                }

                foreach (var session in store.ReadSessions(fromUtc, toUtc))
                {
                    rows.Session(session.Value);
                }

                return Task.CompletedTask;
            }).ConfigureAwait(false);
            if (exit != ExitCodes.Ok)
            {
                return exit;
            }

            // A read the file failed returns no records, and the store counts it as a storage fault: an
            // export that stopped there would look complete.
            var status = store.GetStatus();
            if (status.WritesFailing)
            {
                console.Fail($"{databasePath} could not be read to the end, so the export is incomplete; the file is damaged: {StoreFileCheck.Remedy} ('edgesentiment doctor' checks it)");
                return ExitCodes.Failed;
            }

            return ReportTampered(status.TamperedRecords, console);
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
