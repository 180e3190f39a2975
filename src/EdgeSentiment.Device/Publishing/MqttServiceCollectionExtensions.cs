using System.Diagnostics.Metrics;
using EdgeSentiment.Device.Booth;
using EdgeSentiment.Device.Pipeline;
using EdgeSentiment.Device.Storage.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeSentiment.Device.Publishing;

/// <summary>Registers the MQTT publisher with the host.</summary>
public static class MqttServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <c>Mqtt</c> and registers <see cref="MqttPublisher"/> as a singleton (for
    /// <see cref="MqttPublisher.PublishMood"/> and <see cref="MqttPublisher.GetStatus"/>) and as a hosted
    /// service. Needs an <see cref="IOutbox"/>, e.g. from <c>AddResultStore</c>.
    /// </summary>
    public static IServiceCollection AddMqttPublishing(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MqttOptions>()
            .Bind(configuration.GetSection(MqttOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MqttOptions>, MqttOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new MqttPublisher(
            provider.GetRequiredService<IOptions<MqttOptions>>(),
            provider.GetRequiredService<IOutbox>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<MqttPublisher>>(),
            provider.GetService<IMeterFactory>(),
            provider.GetService<ReviewSpool>()));
        services.AddHostedService(provider => provider.GetRequiredService<MqttPublisher>());
        services.AddSingleton<IMoodSink, MqttMoodSink>();
        return services;
    }
}
