using EdgeSentiment.Agent.Booth;
using EdgeSentiment.Agent.Capture;
using EdgeSentiment.Agent.Control;
using EdgeSentiment.Agent.Indicators;
using EdgeSentiment.Agent.Pipeline;
using EdgeSentiment.Agent.Publishing;
using EdgeSentiment.Agent.Storage;
using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Inference;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeSentiment.Agent.Hosting;

/// <summary>
/// Builds the agent's host: configuration from appsettings.json, the configuration directory's
/// *.json files (in name order), EDGESENTIMENT_ environment variables and the command line,
/// later sources overriding earlier ones; options validated at start; systemd integration.
/// </summary>
public static class AgentHost
{
    public const string EnvironmentPrefix = "EDGESENTIMENT_";
    public const string DefaultConfigurationDirectory = "/etc/edgesentiment";

    /// <summary>Exit code for a configuration the agent cannot run with (sysexits EX_CONFIG); the unit does not restart on it.</summary>
    public const int ConfigurationErrorExitCode = 78;

    /// <param name="args">The command line, e.g. <c>--Capture:Source Microphone</c>.</param>
    /// <param name="configurationDirectory">Folder of *.json overrides; systemd passes it as $CONFIGURATION_DIRECTORY.</param>
    public static HostApplicationBuilder CreateBuilder(string[] args, string? configurationDirectory = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = "edgesentiment-agent",
        });

        var configuration = builder.Configuration;
        configuration.Sources.Clear();
        AddConfigurationSources(configuration, args, configurationDirectory);

        builder.Services.AddSystemd();

        // AddSystemd registers the notifier only under systemd; the watchdog wants one either way.
        builder.Services.TryAddSingleton<ISystemdNotifier, SystemdNotifier>();
        AddAgent(builder.Services, configuration);
        return builder;
    }

    /// <summary>
    /// Adds the agent's configuration sources in their order: appsettings.json beside the program, the
    /// configuration directory's *.json files (in name order), EDGESENTIMENT_ environment variables and
    /// the command line. The technician's tool reads the configuration through this same method.
    /// </summary>
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

    /// <summary>
    /// Validates every options class and builds the pipeline's parts (model, recording, indicator)
    /// before the host starts, so a bad configuration ends in one clear line instead of a host failure.
    /// </summary>
    /// <exception cref="OptionsValidationException">A configuration value is out of range or unknown.</exception>
    /// <exception cref="StoreKeyException">The store's key is missing, unsafe or not the database's.</exception>
    /// <exception cref="StoreOpenException">The database is held by another process or is not a result database.</exception>
    public static void Prepare(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);

        // Every section is checked before failing, so one start shows every mistake.
        var failures = new List<string>();
        Check<CaptureOptions>(services, failures);
        Check<IndicatorOptions>(services, failures);
        Check<PipelineOptions>(services, failures);
        Check<StoreOptions>(services, failures);
        Check<MqttOptions>(services, failures);
        Check<ControlOptions>(services, failures);
        Check<BoothOptions>(services, failures);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(AgentHost), failures);
        }

        // The store first (quick), so a missing or wrong key or a busy database stops the start
        // with its reason before the model is loaded.
        _ = services.GetRequiredService<IResultStore>();
        _ = services.GetRequiredService<AgentService>();
    }

    private static void Check<TOptions>(IServiceProvider services, List<string> failures)
        where TOptions : class
    {
        try
        {
            _ = services.GetRequiredService<IOptions<TOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            failures.AddRange(e.Failures);
        }
    }

    /// <summary>The model file <paramref name="options"/> name, the shipped one for this CPU when it says auto, or the shipped default.</summary>
    public static string ModelPath(PipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.Model) ? ModelFiles.DefaultPath
            : string.Equals(options.Model.Trim(), ModelFiles.Auto, StringComparison.OrdinalIgnoreCase) ? ModelFiles.ForThisCpuPath
            : AudioSourceFactory.ResolveFile(options.Model);
    }

    /// <summary>Registers the agent's options, pipeline parts and hosted services.</summary>
    public static void AddAgent(IServiceCollection services, IConfiguration configuration)
    {
        // First, so the store's service stops after the pipeline has drained into it.
        services.AddResultStore(configuration);
        // Off unless Mqtt:Enabled: the publisher drains the store's outbox and sends the mood.
        services.AddMqttPublishing(configuration);
        services.AddOptions<CaptureOptions>().Bind(configuration.GetSection(CaptureOptions.SectionName)).ValidateOnStart();
        services.AddOptions<IndicatorOptions>().Bind(configuration.GetSection(IndicatorOptions.SectionName)).ValidateOnStart();
        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection(PipelineOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CaptureOptions>, CaptureOptionsValidator>();
        services.AddSingleton<IValidateOptions<IndicatorOptions>, IndicatorOptionsValidator>();
        services.AddSingleton<IValidateOptions<PipelineOptions>, PipelineOptionsValidator>();
        // Checked now although nothing records yet: a studio's private key must never sit on the device.
        services.AddOptions<BoothOptions>().Bind(configuration.GetSection(BoothOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BoothOptions>, BoothOptionsValidator>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<PipelineMetrics>();
        services.TryAddSingleton(sp => new PipelineHeartbeat(sp.GetRequiredService<TimeProvider>()));

        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<PipelineOptions>>().Value;
            var path = ModelPath(options);
            sp.GetRequiredService<ILogger<AgentService>>().AgentStarting(path);
            return WindowClassifier.Load(path, threads: options.InferenceThreads);
        });
        services.TryAddSingleton<ClassifyWindow>(sp => sp.GetRequiredService<WindowClassifier>().Classify);
        // The microphone's device opener is a service of its own: the seam where PortAudio is reached.
        services.TryAddSingleton(sp => AudioSourceFactory.CreateOpener(sp.GetRequiredService<IOptions<CaptureOptions>>().Value));
        services.TryAddSingleton(sp => AudioSourceFactory.Create(
            sp.GetRequiredService<IOptions<CaptureOptions>>().Value,
            sp.GetRequiredService<ICaptureDeviceOpener>,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton(sp => IndicatorFactory.Create(
            sp.GetRequiredService<IOptions<IndicatorOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<IndicatorSink>>()));
        services.TryAddSingleton<IndicatorSink>();
        services.AddSingleton<IMoodSink>(sp => sp.GetRequiredService<IndicatorSink>());

        services.AddSingleton<AgentService>();
        services.AddHostedService(sp => sp.GetRequiredService<AgentService>());
        services.AddHostedService<WatchdogService>();

        // Last, so it starts after the pipeline and stops before it.
        services.AddControlSocket(configuration);
    }
}
