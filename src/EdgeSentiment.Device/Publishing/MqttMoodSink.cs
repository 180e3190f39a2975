using EdgeSentiment.Device.Pipeline;

namespace EdgeSentiment.Device.Publishing;

/// <summary>Hands each mood to the MQTT publisher, which sends it (retained) only when it changes.</summary>
public sealed class MqttMoodSink : IMoodSink
{
    private readonly MqttPublisher _publisher;

    public MqttMoodSink(MqttPublisher publisher)
    {
        ArgumentNullException.ThrowIfNull(publisher);
        _publisher = publisher;
    }

    public string Name => "mqtt";

    public ValueTask HandleAsync(MoodUpdate update, CancellationToken cancellationToken)
    {
        // PublishMood only records the latest mood; the publisher's own loop does the network I/O.
        _publisher.PublishMood(update.Mood);
        return ValueTask.CompletedTask;
    }
}
