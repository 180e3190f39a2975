using System.CommandLine;
using EdgeSentiment.Cli.Config;
using EdgeSentiment.Cli.Control;
using EdgeSentiment.Cli.Terminal;
using EdgeSentiment.Device.Configuration;

namespace EdgeSentiment.Cli.Doctor;

/// <summary>
/// <c>edgesentiment doctor [--json] [--config-dir DIR] [--socket PATH]</c>: checks the device the way the
/// agent would use it, asking the running agent for its own view, and prints PASS, WARN or FAIL per check
/// with what to do. Exit code 1 when any check fails.
/// </summary>
public static class DoctorCommand
{
    public static Command Create(CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON document: {\"checks\":[{\"name\",\"status\",\"finding\",\"fix\"}],\"failed\":N,\"warnings\":N}." };
        var directory = ConfigDirectoryOption.Create();
        var socket = AgentOptions.Socket();
        var command = new Command(
            "doctor",
            "Check this device: configuration, service, agent, model, audio input, key, database, disk, clock, GPIO and broker. "
            + "Exit code 0 when nothing failed (warnings allowed), 1 when a check failed.")
        {
            json,
            directory,
            socket,
        }.WithExamples(
            "sudo edgesentiment doctor                # as root, so it can read the key and the database",
            "edgesentiment doctor --json | jq '.checks[] | select(.status != \"PASS\")'",
            "edgesentiment doctor --socket state/control.sock   # the agent of scripts/run",
            "edgesentiment doctor --config-dir ./my-config");
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(parseResult.GetValue(json), parseResult.GetValue(directory), parseResult.GetRequiredValue(socket), console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(bool json, string? directory, string socket, CliConsole console, CancellationToken cancellationToken)
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

        var context = DoctorContext.ForThisMachine(configuration, socket, directoryGiven: directory is not null);
        var results = await DoctorRunner.RunAsync(DoctorChecks.All(), context, cancellationToken);
        if (json)
        {
            DoctorOutput.WriteJson(console.Out, results);
        }
        else
        {
            DoctorOutput.WriteText(console.Out, TerminalColors.For(console), results);
        }

        return DoctorOutput.Count(results, CheckStatus.Fail) > 0 ? ExitCodes.Failed : ExitCodes.Ok;
    }
}
