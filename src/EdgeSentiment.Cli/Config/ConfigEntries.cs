using System.Globalization;
using System.Reflection;
using EdgeSentiment.Device.Capture;
using EdgeSentiment.Device.Configuration;
using EdgeSentiment.Device.Indicators;
using EdgeSentiment.Device.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.FileProviders;

namespace EdgeSentiment.Cli.Config;

/// <summary>
/// Lists every key of the agent's options (with its default when no source sets it) and every other
/// key a source sets, each with the source that won; secret values are redacted.
/// </summary>
public static class ConfigEntries
{
    public const string DefaultSource = "default";

    public static IReadOnlyList<ConfigEntry> From(AgentConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var entries = new List<ConfigEntry>();
        var listed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        AddOptions(entries, listed, configuration, CaptureOptions.SectionName, configuration.Capture);
        AddOptions(entries, listed, configuration, IndicatorOptions.SectionName, configuration.Indicator);
        AddOptions(entries, listed, configuration, PipelineOptions.SectionName, configuration.Pipeline);
        AddOptions(entries, listed, configuration, Device.Storage.StoreOptions.SectionName, configuration.Store);
        AddOptions(entries, listed, configuration, Device.Publishing.MqttOptions.SectionName, configuration.Mqtt);

        var others = new List<ConfigEntry>();
        foreach (var (key, value) in configuration.Root.AsEnumerable())
        {
            if (value is null || listed.Contains(key))
            {
                continue;
            }

            others.Add(Entry(key, value, SourceOf(configuration.Root, key)));
        }

        others.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        entries.AddRange(others);
        return entries;
    }

    private static void AddOptions<TOptions>(List<ConfigEntry> entries, HashSet<string> listed, AgentConfiguration configuration, string section, TOptions options)
        where TOptions : class
    {
        foreach (var property in typeof(TOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is not { IsPublic: true })
            {
                continue;
            }

            var key = $"{section}:{property.Name}";
            listed.Add(key);
            var source = SourceOf(configuration.Root, key);
            // The text a source gave (even one the agent would refuse), else the options class's default.
            // The JSON provider turns true into "True"; a switch is shown as the files spell it.
            var text = configuration.Root[key];
            var value = source is null ? Format(property.GetValue(options))
                : property.PropertyType == typeof(bool) && bool.TryParse(text, out var flag) ? Format(flag)
                : text;
            entries.Add(Entry(key, value, source));
        }
    }

    private static ConfigEntry Entry(string key, string? value, string? source) =>
        SecretRedaction.IsSecret(key, value)
            ? new ConfigEntry(key, null, source ?? DefaultSource, Redacted: true)
            : new ConfigEntry(key, value, source ?? DefaultSource, Redacted: false);

    /// <summary>The provider that sets <paramref name="key"/> last (and so wins), described for a person; null when none does.</summary>
    private static string? SourceOf(IConfigurationRoot root, string key)
    {
        foreach (var provider in root.Providers.Reverse())
        {
            if (provider.TryGet(key, out _))
            {
                return Describe(provider, key);
            }
        }

        return null;
    }

    private static string Describe(IConfigurationProvider provider, string key) => provider switch
    {
        FileConfigurationProvider file when file.Source.FileProvider is PhysicalFileProvider physical && file.Source.Path is { } path
            => Path.Combine(physical.Root, path),
        FileConfigurationProvider file => file.Source.Path ?? "a file",
        EnvironmentVariablesConfigurationProvider => "environment " + DeviceConfiguration.EnvironmentPrefix + key.Replace(":", "__", StringComparison.Ordinal),
        CommandLineConfigurationProvider => "command line",
        _ => provider.ToString() ?? provider.GetType().Name,
    };

    private static string? Format(object? value) => value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
