using EdgeSentiment.Device.Composition;
using EdgeSentiment.Device.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;

namespace EdgeSentiment.Agent.Hosting;

/// <summary>
/// Builds the agent's host: the device's configuration sources (<see cref="DeviceConfiguration"/>),
/// the device's stages (<see cref="DeviceServices"/>), systemd integration and its watchdog.
/// </summary>
public static class AgentHost
{
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
        DeviceConfiguration.AddConfigurationSources(configuration, args, configurationDirectory);

        builder.Services.AddSystemd();

        // AddSystemd registers the notifier only under systemd; the watchdog wants one either way.
        builder.Services.TryAddSingleton<ISystemdNotifier, SystemdNotifier>();
        DeviceServices.AddDevice(builder.Services, configuration);
        builder.Services.AddHostedService<WatchdogService>();
        return builder;
    }
}
