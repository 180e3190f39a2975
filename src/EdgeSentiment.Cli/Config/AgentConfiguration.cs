using EdgeSentiment.Device.Capture;
using EdgeSentiment.Device.Composition;
using EdgeSentiment.Device.Configuration;
using EdgeSentiment.Device.Control.Contract;
using EdgeSentiment.Device.Indicators;
using EdgeSentiment.Device.Pipeline;
using EdgeSentiment.Device.Publishing;
using EdgeSentiment.Device.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EdgeSentiment.Cli.Config;

/// <summary>
/// The agent's effective configuration, read from the same sources in the same order as the agent
/// (<see cref="DeviceConfiguration.AddConfigurationSources"/>) and bound and validated by the agent's own options
/// registrations. A section that fails validation is still bound, so the other checks can use it.
/// </summary>
public sealed class AgentConfiguration
{
    private AgentConfiguration(IConfigurationRoot root, string directory)
    {
        Root = root;
        Directory = directory;
    }

    public IConfigurationRoot Root { get; }

    /// <summary>The folder of *.json overrides that was read (it may not exist).</summary>
    public string Directory { get; }

    public CaptureOptions Capture { get; private set; } = new();

    public IndicatorOptions Indicator { get; private set; } = new();

    public PipelineOptions Pipeline { get; private set; } = new();

    public StoreOptions Store { get; private set; } = new();

    public MqttOptions Mqtt { get; private set; } = new();

    /// <summary>One line per wrong value, naming the key and what it accepts (the agent would refuse to start).</summary>
    public IReadOnlyList<string> Failures { get; private set; } = [];

    /// <summary>Every key with its value and source, secrets redacted (what <c>config show</c> prints).</summary>
    public IReadOnlyList<ConfigEntry> Entries() => ConfigEntries.From(Root,
    [
        (CaptureOptions.SectionName, Capture),
        (IndicatorOptions.SectionName, Indicator),
        (PipelineOptions.SectionName, Pipeline),
        (StoreOptions.SectionName, Store),
        (MqttOptions.SectionName, Mqtt),
    ]);

    /// <summary>The running agent's process id when these are the settings it said it runs with; null when read from the files.</summary>
    public int? AgentProcessId { get; private init; }

    /// <param name="configurationDirectory">Folder of *.json overrides; null for $CONFIGURATION_DIRECTORY or /etc/edgesentiment.</param>
    /// <exception cref="SettingsFileException">A settings file is not valid JSON.</exception>
    public static AgentConfiguration Load(string? configurationDirectory)
    {
        var directory = DeviceConfiguration.ResolveConfigurationDirectory(configurationDirectory);
        var builder = new ConfigurationBuilder();
        DeviceConfiguration.AddConfigurationSources(builder, [], directory);
        return Bind(new AgentConfiguration(builder.Build(), directory));
    }

    /// <summary>As <see cref="Load"/>, but a malformed settings file becomes the one failure instead of an exception.</summary>
    public static AgentConfiguration LoadOrFailure(string? configurationDirectory)
    {
        try
        {
            return Load(configurationDirectory);
        }
        catch (SettingsFileException e)
        {
            var directory = DeviceConfiguration.ResolveConfigurationDirectory(configurationDirectory);
            return new AgentConfiguration(new ConfigurationBuilder().Build(), directory) { Failures = [e.Message] };
        }
    }

    /// <summary>
    /// The settings the running agent reported (<see cref="ConfigReply"/>), bound and validated as the
    /// files would be. The paths it resolved itself (against its own working folder) come from its
    /// status, so this tool, run elsewhere, looks at the same files.
    /// </summary>
    public static AgentConfiguration FromAgent(ConfigReply settings, StatusReply status)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(status);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in settings.Entries)
        {
            if (!entry.Redacted && entry.Value is not null)
            {
                values[entry.Key] = entry.Value;
            }
        }

        if (status.Capture.Source == nameof(CaptureSourceKind.File))
        {
            values[$"{CaptureOptions.SectionName}:{nameof(CaptureOptions.File)}"] = status.Capture.Input;
        }

        values[$"{PipelineOptions.SectionName}:{nameof(PipelineOptions.Model)}"] = status.Model.Path;
        values[$"{StoreOptions.SectionName}:{nameof(StoreOptions.DatabasePath)}"] = status.Store.Path;
        values[$"{StoreOptions.SectionName}:{nameof(StoreOptions.KeyFile)}"] = status.Store.KeyFile;
        var root = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var directory = settings.ConfigurationDirectory ?? DeviceConfiguration.ResolveConfigurationDirectory(null);
        return Bind(new AgentConfiguration(root, directory) { AgentProcessId = settings.ProcessId });
    }

    private static AgentConfiguration Bind(AgentConfiguration configuration)
    {
        var root = configuration.Root;
        var services = new ServiceCollection();
        services.AddLogging();
        DeviceServices.AddDevice(services, root);
        using var provider = services.BuildServiceProvider();
        var failures = new List<string>();
        configuration.Capture = Bind<CaptureOptions>(provider, root, CaptureOptions.SectionName, failures);
        configuration.Indicator = Bind<IndicatorOptions>(provider, root, IndicatorOptions.SectionName, failures);
        configuration.Pipeline = Bind<PipelineOptions>(provider, root, PipelineOptions.SectionName, failures);
        configuration.Store = Bind<StoreOptions>(provider, root, StoreOptions.SectionName, failures);
        configuration.Mqtt = Bind<MqttOptions>(provider, root, MqttOptions.SectionName, failures);
        failures.AddRange(UnknownSettings.Find(root));
        configuration.Failures = failures;
        return configuration;
    }

    private static TOptions Bind<TOptions>(IServiceProvider provider, IConfiguration root, string section, List<string> failures)
        where TOptions : class, new()
    {
        try
        {
            return provider.GetRequiredService<IOptions<TOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            failures.AddRange(e.Failures);
        }
        catch (InvalidOperationException e)
        {
            // A value of the wrong type ("ten" for a number): the binder names the key.
            failures.Add(e.Message);
            return new TOptions();
        }

        var options = new TOptions();
        root.GetSection(section).Bind(options);
        return options;
    }
}
