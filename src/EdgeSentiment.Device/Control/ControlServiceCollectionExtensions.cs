using EdgeSentiment.Device.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EdgeSentiment.Device.Control;

/// <summary>Registers the control socket with the host.</summary>
public static class ControlServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <c>Control</c>, registers <see cref="MoodFeed"/> among the pipeline's sinks and
    /// <see cref="ControlServer"/> as a hosted service. Needs the rest of the agent (store, publisher, pipeline).
    /// </summary>
    public static IServiceCollection AddControlSocket(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ControlOptions>()
            .Bind(configuration.GetSection(ControlOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ControlOptions>, ControlOptionsValidator>());
        services.TryAddSingleton<MoodFeed>();
        services.AddSingleton<IMoodSink>(sp => sp.GetRequiredService<MoodFeed>());
        services.TryAddSingleton<StatusReport>();
        services.TryAddSingleton<SettingsReport>();
        services.TryAddSingleton<ControlEndpoints>();
        services.AddSingleton<ControlServer>();
        services.AddHostedService(sp => sp.GetRequiredService<ControlServer>());
        return services;
    }
}
