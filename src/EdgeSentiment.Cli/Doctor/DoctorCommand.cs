using System.CommandLine;
using EdgeSentiment.Cli.Config;
using EdgeSentiment.Cli.Terminal;

namespace EdgeSentiment.Cli.Doctor;

/// <summary>
/// <c>edgesentiment doctor [--json] [--config-dir DIR]</c>: checks the device the way the agent would use
/// it and prints PASS, WARN or FAIL per check with what to do. Exit code 1 when any check fails.
/// </summary>
public static class DoctorCommand
{
    /// <param name="console">Where the results go.</param>
    /// <param name="agentStatusSource">Where the running agent's own status comes from; null to judge from outside only.</param>
    public static Command Create(CliConsole console, Func<CancellationToken, Task<AgentStatusSnapshot?>>? agentStatusSource = null)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON document: {\"checks\":[{\"name\",\"status\",\"finding\",\"fix\"}],\"failed\":N,\"warnings\":N}." };
        var directory = ConfigDirectoryOption.Create();
        var command = new Command(
            "doctor",
            "Check this device: configuration, service, model, audio input, key, database, disk, clock, GPIO and broker. "
            + "Exit code 0 when nothing failed (warnings allowed), 1 when a check failed.")
        {
            json,
            directory,
        }.WithExamples(
            "sudo edgesentiment doctor                # as root, so it can read the key and the database",
            "edgesentiment doctor --json | jq '.checks[] | select(.status != \"PASS\")'",
            "edgesentiment doctor --config-dir ./my-config");
        command.SetAction((parseResult, cancellationToken) =>
            RunAsync(parseResult.GetValue(json), parseResult.GetValue(directory), console, agentStatusSource, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(bool json, string? directory, CliConsole console, Func<CancellationToken, Task<AgentStatusSnapshot?>>? agentStatusSource, CancellationToken cancellationToken)
    {
        var configuration = AgentConfiguration.Load(directory);
        var context = DoctorContext.ForThisMachine(configuration, agentStatusSource);
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
