using System.CommandLine;
using EdgeSentiment.Cli.Control;
using EdgeSentiment.Cli.Terminal;
using EdgeSentiment.Device.Control.Contract;

namespace EdgeSentiment.Cli.Status;

/// <summary><c>edgesentiment status [--json]</c>: the running agent's health at a glance.</summary>
public static class StatusCommand
{
    public static Command Create(CliConsole console)
    {
        var socket = AgentOptions.Socket();
        var json = AgentOptions.Json();
        var command = new Command(
            "status",
            "Show the running agent: uptime, model, current mood and input level, windows processed and dropped, "
            + "store size and records, outbox and broker connection, recent faults.")
        {
            socket,
            json,
        }.WithExamples(
            "edgesentiment status",
            "edgesentiment status --socket state/control.sock   # the agent of scripts/run",
            "edgesentiment status --json | jq .pipeline");
        command.SetAction((parseResult, cancellationToken) => AgentCommand.RunAsync(
            console,
            parseResult.GetRequiredValue(socket),
            async (client, token) =>
            {
                var status = await client.GetAsync<StatusReply>(ControlApi.Status, token).ConfigureAwait(false);
                if (parseResult.GetValue(json))
                {
                    DisplayText.WriteJson(console.Out, status);
                }
                else
                {
                    StatusText.Write(console.Out, status, TerminalColors.For(console));
                }

                return ExitCodes.Ok;
            },
            cancellationToken));
        return command;
    }
}
