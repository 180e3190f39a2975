using EdgeSentiment.Device.Capture;
using EdgeSentiment.Device.Composition;
using EdgeSentiment.Device.Configuration;
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

    /// <param name="configurationDirectory">Folder of *.json overrides; null for $CONFIGURATION_DIRECTORY or /etc/edgesentiment.</param>
    public static AgentConfiguration Load(string? configurationDirectory)
    {
        var directory = DeviceConfiguration.ResolveConfigurationDirectory(configurationDirectory);
        var builder = new ConfigurationBuilder();
        DeviceConfiguration.AddConfigurationSources(builder, [], directory);
        var root = builder.Build();
        var configuration = new AgentConfiguration(root, directory);

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
