using System.CommandLine;
using System.Globalization;
using EdgeSentiment.Cli.Control;
using EdgeSentiment.Cli.Export;
using EdgeSentiment.Cli.Terminal;
using EdgeSentiment.Device.Control.Contract;

namespace EdgeSentiment.Cli.History;

/// <summary><c>edgesentiment history [--since 2h] [--json]</c>: the stored minute summaries, one row per minute.</summary>
public static class HistoryCommand
{
    public static Command Create(CliConsole console)
    {
        var socket = AgentOptions.Socket();
        var json = AgentOptions.Json();
        var since = new Option<string>("--since")
        {
            Description = "How far back: 90s, 45m, 2h, 3d, or a time such as 2026-11-25T18:00Z (default: 2h).",
            DefaultValueFactory = _ => "2h",
            HelpName = "SPAN|TIME",
        };
        var command = new Command(
            "history",
            "Show the per-minute summaries the agent stored: the mood shown most of each minute, windows, speech share, counts and mean scores.")
        {
            socket,
            json,
            since,
        }.WithExamples(
            "edgesentiment history                 # the last two hours",
            "edgesentiment history --since 30m",
            "edgesentiment history --since 2026-11-25T18:00Z --json");
        command.SetAction((parseResult, cancellationToken) =>
        {
            var text = parseResult.GetRequiredValue(since);
            if (!SinceArgument.TryParse(text, DateTime.UtcNow, out var sinceUtc))
            {
                console.Fail($"--since '{text}' is neither a span (90s, 45m, 2h, 3d) nor a time (2026-11-25T18:00Z)");
                return Task.FromResult(ExitCodes.Usage);
            }

            return AgentCommand.RunAsync(
                console,
                parseResult.GetRequiredValue(socket),
                async (client, token) =>
                {
                    var path = $"{ControlApi.History}?since={Uri.EscapeDataString(sinceUtc.ToString("O", CultureInfo.InvariantCulture))}";
                    var history = await client.GetAsync<HistoryReply>(path, token).ConfigureAwait(false);
                    if (parseResult.GetValue(json))
                    {
                        DisplayText.WriteJson(console.Out, history);
                    }
                    else
                    {
                        Write(console, history);
                    }

                    return ExitCodes.Ok;
                },
                cancellationToken);
        });
        return command;
    }

    private static void Write(CliConsole console, HistoryReply history)
    {
        if (history.Minutes.Count == 0)
        {
            console.Out.WriteLine($"No minute summaries since {DisplayText.Date(history.FromUtc)}. A minute is stored when it is over.");
            return;
        }

        var colors = TerminalColors.For(console);
        var table = new TextTable("minute", "mood", "windows", "speech", "negative", "neutral", "positive", "mean neg/neu/pos", "film", "over film").AlignRight(2, 3, 4, 5, 6, 8, 9);
        foreach (var minute in history.Minutes)
        {
            var tally = minute.Tally;
            var mean = tally.MeanScores;
            table.Add(
                [
                    DisplayText.Date(minute.StartUtc)[..16],
                    ExportText.Mood(minute.DominantMood),
                    tally.Windows.ToString(CultureInfo.InvariantCulture),
                    DisplayText.Percent(tally.SpeechRatio),
                    tally.Negative.ToString(CultureInfo.InvariantCulture),
                    tally.Neutral.ToString(CultureInfo.InvariantCulture),
                    tally.Positive.ToString(CultureInfo.InvariantCulture),
                    string.Create(CultureInfo.InvariantCulture, $"{mean.Negative:0.00} {mean.Neutral:0.00} {mean.Positive:0.00}"),
                    DisplayText.Percent(tally.FilmRatio),
                    DisplayText.Percent(tally.AudienceOverFilmRatio),
                ],
                (column, cell) => column == 1 ? colors.Mood(minute.DominantMood, cell) : cell);
        }

        table.Write(console.Out, colors);
    }
}
