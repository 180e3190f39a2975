using Microsoft.Extensions.Configuration;

namespace EdgeSentiment.Device.Configuration;

/// <summary>
/// Where the device's configuration comes from, in order: appsettings.json beside the program, the
/// configuration directory's *.json files (in name order), EDGESENTIMENT_ environment variables and
/// the command line, later sources overriding earlier ones. The agent and the technician's tool
/// read the configuration through this one class, so they always agree.
/// </summary>
public static class DeviceConfiguration
{
    public const string EnvironmentPrefix = "EDGESENTIMENT_";
    public const string DefaultConfigurationDirectory = "/etc/edgesentiment";

    /// <summary>Adds the configuration sources in their order (see the class summary).</summary>
    /// <param name="configuration">The builder to add them to.</param>
    /// <param name="args">The command line, e.g. <c>--Capture:Source Microphone</c>.</param>
    /// <param name="configurationDirectory">Folder of *.json overrides; null for $CONFIGURATION_DIRECTORY or /etc/edgesentiment.</param>
    public static void AddConfigurationSources(IConfigurationBuilder configuration, string[] args, string? configurationDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true, reloadOnChange: false);
        configurationDirectory = ResolveConfigurationDirectory(configurationDirectory);
        if (Directory.Exists(configurationDirectory))
        {
            var files = Directory.GetFiles(configurationDirectory, "*.json");
            Array.Sort(files, StringComparer.Ordinal);
            foreach (var file in files)
            {
                configuration.AddJsonFile(file, optional: true, reloadOnChange: false);
            }
        }

        configuration.AddEnvironmentVariables(EnvironmentPrefix);
        configuration.AddCommandLine(args);
    }

    /// <summary>The folder of *.json overrides: the one given, else $CONFIGURATION_DIRECTORY, else /etc/edgesentiment.</summary>
    public static string ResolveConfigurationDirectory(string? configurationDirectory) =>
        configurationDirectory ?? Environment.GetEnvironmentVariable("CONFIGURATION_DIRECTORY") ?? DefaultConfigurationDirectory;

    /// <summary>A file named in the configuration: a relative path is looked up in the working folder first, then beside the program.</summary>
    public static string ResolveFile(string path)
    {
        if (Path.IsPathRooted(path) || File.Exists(path))
        {
            return Path.GetFullPath(path);
        }

        var besideProgram = Path.Combine(AppContext.BaseDirectory, path);
        return File.Exists(besideProgram) ? besideProgram : Path.GetFullPath(path);
    }
}
