using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.FileProviders;

namespace EdgeSentiment.Device.Configuration;

/// <summary>
/// Lists every key of the given options (with its default when no source sets it) and every other
/// key a source sets, each with the source that won; secret values are redacted. The agent lists
/// its own this way for the control socket, and the technician's tool the files' when no agent runs.
/// </summary>
public static class ConfigEntries
{
    public const string DefaultSource = "default";

    /// <param name="root">The configuration, with its providers in order.</param>
    /// <param name="sections">Each section's name and its bound options object, in the order to list them.</param>
    public static IReadOnlyList<ConfigEntry> From(IConfigurationRoot root, IEnumerable<(string Section, object Options)> sections)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(sections);
        var entries = new List<ConfigEntry>();
        var listed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (section, options) in sections)
        {
            AddOptions(entries, listed, root, section, options);
        }

        var others = new List<ConfigEntry>();
        foreach (var (key, value) in root.AsEnumerable())
        {
            if (value is null || listed.Contains(key))
            {
                continue;
            }

            others.Add(Entry(key, value, SourceOf(root, key)));
        }

        others.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        entries.AddRange(others);
        return entries;
    }

    private static void AddOptions(List<ConfigEntry> entries, HashSet<string> listed, IConfigurationRoot root, string section, object options)
    {
        foreach (var property in options.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.SetMethod is not { IsPublic: true })
            {
                continue;
            }

            var key = $"{section}:{property.Name}";
            listed.Add(key);
            var source = SourceOf(root, key);
            // The text a source gave (even one the agent would refuse), else the options class's default.
            // The JSON provider turns true into "True"; a switch is shown as the files spell it.
            var text = root[key];
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
