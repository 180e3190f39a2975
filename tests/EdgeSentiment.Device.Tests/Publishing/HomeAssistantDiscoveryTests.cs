using System.Text.Json;
using EdgeSentiment.Device.Publishing;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Device.Tests.Publishing;

public sealed class HomeAssistantDiscoveryTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private static readonly string Node = $"edgesentiment_{PublisherRun.DeviceId}";
    private readonly TestCertificates _certificates = new();

    public void Dispose() => _certificates.Dispose();

    [Fact]
    public async Task Discovery_On_ALateSubscriberFindsTheRetainedConfigOfEverySensor()
    {
        using var broker = new MosquittoBroker(_certificates.CaFile, _certificates.Server);
        var options = PublisherRun.TlsOptions(broker.Port, _certificates);
        options.HomeAssistantDiscovery = true;
        await using var run = await PublisherRun.StartAsync(options);
        Assert.True(await Eventually.Within(Patience, () => run.Logger.Count(LogEvents.MqttDiscoveryPublished) == 1), "the configs are announced after connecting");

        await using var homeAssistant = await TestSubscriber.ConnectAsync(broker.Port, topicFilter: "homeassistant/#");
        Assert.True(await homeAssistant.WaitForAsync(m => m.Count == 6, Patience), broker.Log);

        var configs = homeAssistant.Messages.ToDictionary(m => m.Topic, m => m);
        Assert.Equal(
            [
                $"homeassistant/binary_sensor/{Node}/connectivity/config",
                $"homeassistant/sensor/{Node}/minute_audience_over_film/config",
                $"homeassistant/sensor/{Node}/minute_film/config",
                $"homeassistant/sensor/{Node}/minute_mood/config",
                $"homeassistant/sensor/{Node}/minute_speech/config",
                $"homeassistant/sensor/{Node}/mood/config",
            ],
            configs.Keys.Order(StringComparer.Ordinal));
        Assert.All(configs.Values, m => Assert.True(m.Retained, $"{m.Topic} is not retained"));
        Assert.Equal(6, configs.Values.Select(m => m.Body.GetProperty("unique_id").GetString()).Distinct().Count());
        foreach (var (topic, body, _) in configs.Values)
        {
            Assert.StartsWith($"edgesentiment/{PublisherRun.DeviceId}/", body.GetProperty("state_topic").GetString(), StringComparison.Ordinal);
            var device = body.GetProperty("device");
            Assert.Equal(Node, Assert.Single(device.GetProperty("identifiers").EnumerateArray()).GetString());
            Assert.False(string.IsNullOrEmpty(body.GetProperty("name").GetString()), topic);
        }

        var mood = configs[$"homeassistant/sensor/{Node}/mood/config"].Body;
        Assert.Equal($"edgesentiment/{PublisherRun.DeviceId}/mood", mood.GetProperty("state_topic").GetString());
        Assert.Equal("{{ value_json.mood }}", mood.GetProperty("value_template").GetString());
        Assert.Equal($"edgesentiment/{PublisherRun.DeviceId}/status", mood.GetProperty("availability_topic").GetString());
        Assert.Equal("{{ value_json.state }}", mood.GetProperty("availability_template").GetString());
        Assert.Equal(["NoSpeech", "Negative", "Neutral", "Positive", "Film"], mood.GetProperty("options").EnumerateArray().Select(o => o.GetString()));
        var speech = configs[$"homeassistant/sensor/{Node}/minute_speech/config"].Body;
        Assert.Equal($"edgesentiment/{PublisherRun.DeviceId}/summary", speech.GetProperty("state_topic").GetString());
        Assert.Equal("%", speech.GetProperty("unit_of_measurement").GetString());
        foreach (var (sensor, field) in new[] { ("minute_film", "filmRatio"), ("minute_audience_over_film", "audienceOverFilmRatio") })
        {
            var share = configs[$"homeassistant/sensor/{Node}/{sensor}/config"].Body;
            Assert.Equal($"edgesentiment/{PublisherRun.DeviceId}/summary", share.GetProperty("state_topic").GetString());
            Assert.Equal("%", share.GetProperty("unit_of_measurement").GetString());
            Assert.Contains($"value_json.summary.tally.{field}", share.GetProperty("value_template").GetString(), StringComparison.Ordinal);
        }

        var connectivity = configs[$"homeassistant/binary_sensor/{Node}/connectivity/config"].Body;
        Assert.Equal("connectivity", connectivity.GetProperty("device_class").GetString());
        Assert.Equal("online", connectivity.GetProperty("payload_on").GetString());
        Assert.False(connectivity.TryGetProperty("availability_topic", out _), "the connectivity sensor must show offline, not unavailable");
        run.Logger.AssertNoErrors();
    }

    [Fact]
    public async Task Discovery_Off_SendsNothingToHomeAssistant()
    {
        using var broker = new MosquittoBroker(_certificates.CaFile, _certificates.Server);
        await using var everything = await TestSubscriber.ConnectAsync(broker.Port, topicFilter: "#");
        await using var run = await PublisherRun.StartAsync(PublisherRun.TlsOptions(broker.Port, _certificates), store => PublisherRun.AddMinute(store, 0));

        // The outbox is drained after the announcement would have been made on the same connection.
        Assert.True(await everything.WaitForAsync(m => m.Any(x => x.Topic.EndsWith("/summary", StringComparison.Ordinal)), Patience), broker.Log);
        Assert.DoesNotContain(everything.Messages, m => m.Topic.StartsWith("homeassistant/", StringComparison.Ordinal));
        Assert.Equal(0, run.Logger.Count(LogEvents.MqttDiscoveryPublished));
    }

    [Fact]
    public void DiscoveryConfigs_EverySensor_CarryTheKeysHomeAssistantNeeds()
    {
        var messages = HomeAssistantDiscovery.Messages(new MqttOptions { DeviceId = "auditorium-1", HomeAssistantPrefix = "ha" });

        Assert.Equal(6, messages.Count);
        foreach (var (topic, payload) in messages)
        {
            Assert.StartsWith("ha/", topic, StringComparison.Ordinal);
            Assert.EndsWith("/config", topic, StringComparison.Ordinal);
            using var config = JsonDocument.Parse(payload);
            foreach (var key in new[] { "name", "unique_id", "state_topic", "value_template", "device" })
            {
                Assert.True(config.RootElement.TryGetProperty(key, out _), $"{topic} lacks {key}");
            }
        }
    }
}
