using System.Diagnostics.Metrics;
using EdgeSentiment.Device.Pipeline;

namespace EdgeSentiment.Device.Publishing;

/// <summary>
/// The publisher's instruments on the agent's meter (<see cref="PipelineMetrics.MeterName"/>): messages
/// published per topic, the outbox depth and the connection state, for dotnet-counters or OpenTelemetry.
/// </summary>
public sealed class MqttMetrics : IDisposable
{
    public const string PublishedName = "edgesentiment.mqtt.published";
    public const string OutboxDepthName = "edgesentiment.mqtt.outbox.depth";
    public const string ConnectionStateName = "edgesentiment.mqtt.connection.state";

    private readonly Meter? _ownMeter;
    private readonly Counter<long> _published;

    public MqttMetrics(IMeterFactory? meterFactory, Func<int> outboxDepth, Func<MqttConnectionState> state)
    {
        ArgumentNullException.ThrowIfNull(outboxDepth);
        ArgumentNullException.ThrowIfNull(state);

        // A factory's meter is shared with the pipeline's instruments and disposed by the factory.
        Meter meter;
        if (meterFactory is null)
        {
            meter = _ownMeter = new Meter(PipelineMetrics.MeterName);
        }
        else
        {
            meter = meterFactory.Create(PipelineMetrics.MeterName);
        }

        _published = meter.CreateCounter<long>(PublishedName, "{message}", "Messages the MQTT broker acknowledged, by topic (status, mood, summary, session, discovery)");
        meter.CreateObservableGauge(OutboxDepthName, outboxDepth, "{message}", "Summaries and session summaries waiting in the outbox");
        meter.CreateObservableGauge(ConnectionStateName, () => (int)state(), "{state}", "0 disabled, 1 connecting, 2 connected, 3 waiting to reconnect, 4 stopped");
    }

    public void Published(string topic) => _published.Add(1, new KeyValuePair<string, object?>("topic", topic));

    public void Dispose() => _ownMeter?.Dispose();
}
