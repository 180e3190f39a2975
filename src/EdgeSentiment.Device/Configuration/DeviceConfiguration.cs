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

    // Where the folder read is remembered on the builder, so the running agent can say which it read.
    private const string DirectoryProperty = "EdgeSentiment.ConfigurationDirectory";

    /// <summary>Adds the configuration sources in their order (see the class summary).</summary>
    /// <param name="configuration">The builder to add them to.</param>
    /// <param name="args">The command line, e.g. <c>--Capture:Source Microphone</c>.</param>
    /// <param name="configurationDirectory">Folder of *.json overrides; null for $CONFIGURATION_DIRECTORY or /etc/edgesentiment.</param>
    /// <exception cref="SettingsFileException">A settings file is not valid JSON.</exception>
    public static void AddConfigurationSources(IConfigurationBuilder configuration, string[] args, string? configurationDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var appSettings = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (File.Exists(appSettings))
        {
            SettingsFileException.ThrowIfMalformed(appSettings);
        }

        configuration.AddJsonFile(appSettings, optional: true, reloadOnChange: false);
        configurationDirectory = ResolveConfigurationDirectory(configurationDirectory);
        configuration.Properties[DirectoryProperty] = configurationDirectory;
        if (Directory.Exists(configurationDirectory))
        {
            var files = Directory.GetFiles(configurationDirectory, "*.json");
            Array.Sort(files, StringComparer.Ordinal);
            foreach (var file in files)
            {
                // Checked first: the provider's own error is an exception three levels deep, no line to fix.
                SettingsFileException.ThrowIfMalformed(file);
                configuration.AddJsonFile(file, optional: true, reloadOnChange: false);
            }
        }

        configuration.AddEnvironmentVariables(EnvironmentPrefix);
        configuration.AddCommandLine(args);
    }

    /// <summary>The folder of *.json overrides <see cref="AddConfigurationSources"/> read into <paramref name="configuration"/>, or null when it did not.</summary>
    public static string? DirectoryOf(IConfiguration configuration) =>
        configuration is IConfigurationBuilder builder && builder.Properties.TryGetValue(DirectoryProperty, out var directory) ? directory as string : null;

    /// <summary>The folder of *.json overrides, as a full path: the one given, else $CONFIGURATION_DIRECTORY, else /etc/edgesentiment.</summary>
    /// <remarks>Full, because the JSON files' provider resolves a relative path against the program's folder, not the current one.</remarks>
    public static string ResolveConfigurationDirectory(string? configurationDirectory) =>
        Path.GetFullPath(configurationDirectory ?? Environment.GetEnvironmentVariable("CONFIGURATION_DIRECTORY") ?? DefaultConfigurationDirectory);

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
