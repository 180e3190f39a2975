using System.CommandLine;
using EdgeSentiment.Device.Configuration;

namespace EdgeSentiment.Cli.Config;

/// <summary>The <c>--config-dir</c> option of the commands that read the agent's configuration.</summary>
public static class ConfigDirectoryOption
{
    public static Option<string?> Create()
    {
        var option = new Option<string?>("--config-dir")
        {
            Description = $"Folder of the agent's *.json configuration (default: $CONFIGURATION_DIRECTORY, else {DeviceConfiguration.DefaultConfigurationDirectory}).",
            HelpName = "DIR",
        };

        // A folder named on the command line must be there: checking the defaults instead would pass silently.
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && result.Tokens[^1].Value is { } value && !Directory.Exists(value))
            {
                result.AddError($"--config-dir {value}: no such folder; give the folder that holds the agent's *.json settings (e.g. {DeviceConfiguration.DefaultConfigurationDirectory}).");
            }
        });
        return option;
    }
}
