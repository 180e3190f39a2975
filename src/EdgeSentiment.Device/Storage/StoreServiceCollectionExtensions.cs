using System.Diagnostics.Metrics;
using EdgeSentiment.Device.Pipeline;
using EdgeSentiment.Device.Storage.Outbox;
using EdgeSentiment.Device.Storage.Sealing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeSentiment.Device.Storage;

/// <summary>Registers the encrypted result store, its sink and its maintenance with the host.</summary>
public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <c>Store</c>, registers the LiteDB store (opened at start) as
    /// <see cref="IResultWriter"/>, <see cref="IResultReader"/>, <see cref="IOutbox"/>,
    /// <see cref="IStoreMaintenance"/> and <see cref="ITranscriptStore"/>, <see cref="ResultStoreSink"/>, its place among the pipeline's
    /// sinks and the maintenance service.
    /// </summary>
    public static IServiceCollection AddResultStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StoreOptions>()
            .Bind(configuration.GetSection(StoreOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StoreOptions>, StoreOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StoreOptions>>().Value;
            var keyPath = StoreKeyFile.ResolveForThisProcess(options.KeyFile);
            var logger = provider.GetRequiredService<ILogger<LiteDbResultStore>>();
            if (options.CreateKeyIfMissing && StoreStart.CreateKeyIfMissing(keyPath, options.DatabasePath))
            {
                StoreLog.KeyCreated(logger, keyPath);
            }

            using var key = StoreKeyFile.Load(keyPath);
            return StoreStart.Open(() => LiteDbResultStore.Open(
                options,
                key,
                keyPath,
                logger,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetService<IMeterFactory>()), options.DatabasePath);
        });

        // One store, one file lock: each user sees it through the narrowest face it needs.
        services.TryAddSingleton<IResultWriter>(provider => provider.GetRequiredService<LiteDbResultStore>());
        services.TryAddSingleton<IResultReader>(provider => provider.GetRequiredService<LiteDbResultStore>());
        services.TryAddSingleton<IOutbox>(provider => provider.GetRequiredService<LiteDbResultStore>());
        services.TryAddSingleton<IStoreMaintenance>(provider => provider.GetRequiredService<LiteDbResultStore>());
        services.TryAddSingleton<ITranscriptStore>(provider => provider.GetRequiredService<LiteDbResultStore>());
        services.TryAddSingleton<ResultStoreSink>();
        services.AddSingleton<IMoodSink, StoreMoodSink>();
        services.AddHostedService<StoreMaintenanceService>();
        return services;
    }
}
