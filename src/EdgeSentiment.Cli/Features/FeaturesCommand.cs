using System.CommandLine;

namespace EdgeSentiment.Cli.Features;

/// <summary><c>edgesentiment features ...</c>: the log-mel front end as a tool.</summary>
public static class FeaturesCommand
{
    public static Command Create(CliConsole console) =>
        new("features", "Log-mel features, computed exactly as on the device.")
        {
            FeaturesExportCommand.Create(console),
        };
}
