using System.CommandLine;
using EdgeSentiment.Device.Configuration;

namespace EdgeSentiment.Cli.Config;

/// <summary>The <c>--config-dir</c> option of the commands that read the agent's configuration.</summary>
public static class ConfigDirectoryOption
{
    public static Option<string?> Create() => new("--config-dir")
    {
        Description = $"Folder of the agent's *.json configuration (default: $CONFIGURATION_DIRECTORY, else {DeviceConfiguration.DefaultConfigurationDirectory}).",
        HelpName = "DIR",
    };
}
