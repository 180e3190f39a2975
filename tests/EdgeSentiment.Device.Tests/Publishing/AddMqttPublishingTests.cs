using EdgeSentiment.Device.Publishing;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Device.Storage.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EdgeSentiment.Device.Tests.Publishing;

public sealed class AddMqttPublishingTests
{
    [Fact]
    public async Task WithoutAnMqttSection_ThePublisherIsRegisteredAndStaysDisabled()
    {
        using var provider = Build(new Dictionary<string, string?>());

        var publisher = provider.GetRequiredService<MqttPublisher>();
        Assert.Same(publisher, provider.GetServices<IHostedService>().OfType<MqttPublisher>().Single());
        await publisher.StartAsync(CancellationToken.None);
        await publisher.StopAsync(CancellationToken.None);

        Assert.Equal(MqttConnectionState.Disabled, publisher.GetStatus().State);
    }

    [Fact]
    public void EnabledWithABadKey_FailsValidationNamingTheKey()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["Mqtt:Enabled"] = "true",
            ["Mqtt:CaFile"] = "/nonexistent/ca.pem",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MqttOptions>>().Value);

        Assert.Contains("Mqtt:CaFile is '/nonexistent/ca.pem', which does not exist", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IOutbox, InMemoryResultStore>();
        services.AddMqttPublishing(configuration);
        return services.BuildServiceProvider();
    }
}
