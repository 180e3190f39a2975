using System.CommandLine;
using EdgeSentiment.Cli.Control;
using EdgeSentiment.Cli.Terminal;
using EdgeSentiment.Device.Booth;
using EdgeSentiment.Device.Control.Contract;

namespace EdgeSentiment.Cli.Booth;

/// <summary><c>edgesentiment booth start|stop|status</c>: the review booth's button, from a terminal.</summary>
public static class BoothCommand
{
    public static Command Create(CliConsole console) => new(
        "booth",
        "The review booth (Booth:Enabled): start and stop a spoken review as the button does, and see the spool of sealed reviews waiting for delivery.")
    {
        Action(console, "start", "Start recording a review now (as a button press does); it ends by itself after Booth:EndOfSpeechSeconds without speech.", ControlApi.BoothStart, "edgesentiment booth start"),
        Action(console, "stop", "Seal the review being recorded now.", ControlApi.BoothStop, "edgesentiment booth stop"),
        Action(console, "status", "What the booth is doing and how many sealed reviews wait for delivery.", null, "edgesentiment booth status"),
    };

    private static Command Action(CliConsole console, string name, string description, string? postPath, string example)
    {
        var socket = AgentOptions.Socket();
        var json = AgentOptions.Json();
        var command = new Command(name, description)
        {
            socket,
            json,
        }.WithExamples(example);
        command.SetAction((parseResult, cancellationToken) => AgentCommand.RunAsync(
            console,
            parseResult.GetRequiredValue(socket),
            async (client, token) =>
            {
                var reply = postPath is null
                    ? await client.GetAsync<BoothReply>(ControlApi.Booth, token).ConfigureAwait(false)
                    : await client.PostAsync<BoothReply>(postPath, null, null, token).ConfigureAwait(false);
                if (parseResult.GetValue(json))
                {
                    DisplayText.WriteJson(console.Out, reply);
                }
                else
                {
                    BoothText.Write(console.Out, reply);
                }

                // A start the full spool refused is a failure the technician must act on.
                return postPath == ControlApi.BoothStart && reply.State == BoothState.SpoolFull ? ExitCodes.Failed : ExitCodes.Ok;
            },
            cancellationToken));
        return command;
    }
}
