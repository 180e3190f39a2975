using System.CommandLine;
using EdgeSentiment.Cli.Control;
using EdgeSentiment.Cli.Terminal;
using EdgeSentiment.Device.Control.Contract;

namespace EdgeSentiment.Cli.Sessions;

/// <summary><c>edgesentiment sessions start "TITLE" | stop</c>: marks a screening in the stored results.</summary>
public static class SessionsCommand
{
    public static Command Create(CliConsole console) => new(
        "sessions",
        "Start or stop a screening session: the agent stores its title, start and end, and what the audience felt over all of it "
        + "(export lists it next to the minute summaries).")
    {
        Start(console),
        Stop(console),
    };

    private static Command Start(CliConsole console)
    {
        var socket = AgentOptions.Socket();
        var json = AgentOptions.Json();
        var title = new Argument<string>("title") { Description = "What the session is, e.g. the film and the showing." };
        var command = new Command(
            "start",
            "Start a session now (a running one is stopped first).")
        {
            title,
            socket,
            json,
        }.WithExamples("edgesentiment sessions start \"Evening screening, hall 2\"");
        command.SetAction((parseResult, cancellationToken) => AgentCommand.RunAsync(
            console,
            parseResult.GetRequiredValue(socket),
            async (client, token) =>
            {
                var reply = await client.PostAsync<SessionReply>(
                    ControlApi.SessionsStart, new SessionStartRequest(parseResult.GetRequiredValue(title)), null, token).ConfigureAwait(false);
                if (parseResult.GetValue(json))
                {
                    DisplayText.WriteJson(console.Out, reply);
                }
                else
                {
                    console.Out.WriteLine($"Started session \"{reply.Session.Title}\" at {DisplayText.Date(reply.Session.StartUtc)} (id {reply.Session.Id}).");
                }

                return ExitCodes.Ok;
            },
            cancellationToken));
        return command;
    }

    private static Command Stop(CliConsole console)
    {
        var socket = AgentOptions.Socket();
        var json = AgentOptions.Json();
        var command = new Command("stop", "Stop the running session and show what the audience felt over it.")
        {
            socket,
            json,
        }.WithExamples("edgesentiment sessions stop");
        command.SetAction((parseResult, cancellationToken) => AgentCommand.RunAsync(
            console,
            parseResult.GetRequiredValue(socket),
            async (client, token) =>
            {
                var reply = await client.PostAsync<SessionReply>(ControlApi.SessionsStop, null, null, token).ConfigureAwait(false);
                if (parseResult.GetValue(json))
                {
                    DisplayText.WriteJson(console.Out, reply);
                    return ExitCodes.Ok;
                }

                var session = reply.Session;
                var tally = session.Tally;
                var end = session.EndUtc ?? session.StartUtc;
                console.Out.WriteLine(
                    $"Stopped session \"{session.Title}\": {DisplayText.Date(session.StartUtc)} to {DisplayText.Clock(end)} "
                    + $"({DisplayText.Duration(end - session.StartUtc)}), {tally.Windows} windows, {DisplayText.Percent(tally.SpeechRatio)} speech; "
                    + $"speech windows negative {tally.Negative}, neutral {tally.Neutral}, positive {tally.Positive}; "
                    + $"{DisplayText.FilmShares(tally)} ({tally.FilmWindows} and {tally.AudienceOverFilm} windows).");
                return ExitCodes.Ok;
            },
            cancellationToken));
        return command;
    }
}
