using System.CommandLine;

namespace EdgeSentiment.Cli.Config;

/// <summary><c>edgesentiment config show</c>: the agent's configuration as the agent sees it.</summary>
public static class ConfigCommand
{
    public static Command Create(CliConsole console) => new("config", "Inspect the agent's configuration.")
    {
        ConfigShowCommand.Create(console),
    };
}
