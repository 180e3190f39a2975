using EdgeSentiment.Device.Composition;
using EdgeSentiment.Device.Configuration;
using Microsoft.Extensions.Hosting;

namespace EdgeSentiment.Testing;

/// <summary>
/// The device's stages in a host of the test's own, put together as the agent puts them together
/// (same configuration sources, same <see cref="DeviceServices.AddDevice"/>), without systemd.
/// A test replaces a part by registering it after this: the last registration is the one resolved.
/// </summary>
public static class DeviceHost
{
    public static HostApplicationBuilder CreateBuilder(string[] args, string configurationDirectory)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = "edgesentiment-agent",
        });
        builder.Configuration.Sources.Clear();
        DeviceConfiguration.AddConfigurationSources(builder.Configuration, args, configurationDirectory);
        DeviceServices.AddDevice(builder.Services, builder.Configuration);
        return builder;
    }
}
