using System.CommandLine;
using EdgeSentiment.Cli.Control;
using EdgeSentiment.Cli.Terminal;
using EdgeSentiment.Device.Control.Contract;

namespace EdgeSentiment.Cli.Leds;

/// <summary><c>edgesentiment leds test</c>: walks the agent's own LEDs through every pattern.</summary>
public static class LedsCommand
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static Command Create(CliConsole console) => new("leds", "The agent's mood LEDs.")
    {
        Test(console),
    };

    private static Command Test(CliConsole console)
    {
        var socket = AgentOptions.Socket();
        var json = AgentOptions.Json();
        var command = new Command(
            "test",
            "Show every LED pattern in turn on the agent's indicator (negative, neutral, positive, fault blink, off; "
            + "Control:LedTestStepMilliseconds each, 2 s by default), then the current mood again. Check each by eye.")
        {
            socket,
            json,
        }.WithExamples("edgesentiment leds test");
        command.SetAction((parseResult, cancellationToken) => AgentCommand.RunAsync(
            console,
            parseResult.GetRequiredValue(socket),
            async (client, token) =>
            {
                var asJson = parseResult.GetValue(json);
                if (!asJson && console.IsInteractive)
                {
                    console.Error.WriteLine("Showing negative (red), neutral (amber), positive (green), fault (amber blinking), off ...");
                }

                var reply = await client.PostAsync<LedTestReply>(ControlApi.LedsTest, null, Timeout, token).ConfigureAwait(false);
                if (asJson)
                {
                    DisplayText.WriteJson(console.Out, reply);
                }
                else
                {
                    console.Out.WriteLine(
                        $"Done: {reply.Patterns.Count} patterns on the {reply.Indicator} indicator, {reply.StepMilliseconds} ms each; "
                        + $"back to {reply.ShownAfter.ToString().ToLowerInvariant()}.");
                }

                return ExitCodes.Ok;
            },
            cancellationToken));
        return command;
    }
}
