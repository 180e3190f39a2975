using System.CommandLine;
using System.Globalization;
using EdgeSentiment.Cli.Control;
using EdgeSentiment.Cli.Terminal;
using EdgeSentiment.Device.Control.Contract;

namespace EdgeSentiment.Cli.Tail;

/// <summary><c>edgesentiment tail [--count N] [--json]</c>: the moods as the agent shows them, until Ctrl+C.</summary>
public static class TailCommand
{
    public static Command Create(CliConsole console)
    {
        var socket = AgentOptions.Socket();
        var json = AgentOptions.Json();
        var count = new Option<int?>("--count") { Description = "Stop after this many updates (default: until Ctrl+C).", HelpName = "N" }
            .Between(1, int.MaxValue);
        var command = new Command(
            "tail",
            "Follow the live mood, one line per analysed window (every 0.5 s) with its label and an input level meter, until Ctrl+C.")
        {
            socket,
            json,
            count,
        }.WithExamples(
            "edgesentiment tail",
            "edgesentiment tail --count 20 --json     # 20 JSON lines, then exit");
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            console, parseResult.GetRequiredValue(socket), parseResult.GetValue(json), parseResult.GetValue(count), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string socket, bool json, int? count, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return await AgentCommand.RunAsync(console, socket, (client, token) => FollowAsync(client, console, json, count, token), stop.Token).ConfigureAwait(false);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static async Task<int> FollowAsync(AgentClient client, CliConsole console, bool json, int? count, CancellationToken cancellationToken)
    {
        var colors = TerminalColors.For(console);
        var path = count is { } n ? $"{ControlApi.Moods}?count={n.ToString(CultureInfo.InvariantCulture)}" : ControlApi.Moods;
        if (!json && console.IsInteractive)
        {
            console.Error.WriteLine(colors.Dim($"Following the agent at {client.SocketPath}; Ctrl+C to stop."));
        }

        var received = 0;
        await foreach (var mood in client.StreamAsync<MoodReply>(path, cancellationToken).ConfigureAwait(false))
        {
            received++;
            if (json)
            {
                DisplayText.WriteJson(console.Out, mood);
            }
            else
            {
                console.Out.WriteLine(Line(mood, colors));
            }

            console.Out.Flush();
        }

        // Short of the count, or without one and not stopped by Ctrl+C: the agent ended the stream, it is stopping.
        if (count is { } wanted ? received < wanted : !cancellationToken.IsCancellationRequested)
        {
            console.Fail($"the agent stopped the stream after {received} update(s) (is it shutting down? systemctl status edgesentiment)");
            return ExitCodes.Failed;
        }

        return ExitCodes.Ok;
    }

    private static string Line(MoodReply mood, TerminalColors colors)
    {
        var time = DisplayText.Clock(mood.AtUtc);
        if (mood.CaptureFault)
        {
            return $"{time}  {colors.Red("FAULT    ")}  microphone unavailable, retrying";
        }

        var speech = mood.Film == true ? "film     "
            : mood.AudienceOverFilm == true ? "over film"
            : mood.Speech == true ? "speech   " : "no speech";
        return $"{time}  {colors.Mood(mood.Mood, DisplayText.Mood(mood.Mood).PadRight(9))}  {speech}  {DisplayText.Label(mood.Label),-8}  "
            + $"{DisplayText.Level(mood.LevelDbfs),10}  {DisplayText.Meter(mood.LevelDbfs, 30)}";
    }
}
