using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Device.Tests.Publishing;

/// <summary>Listens to the instruments of one <see cref="TestMeterFactory"/>: counter sums by topic and the latest gauge values.</summary>
public sealed class MetricsRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _sums = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _gauges = new(StringComparer.Ordinal);

    public MetricsRecorder(TestMeterFactory factory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var topic = "";
            foreach (var tag in tags)
            {
                if (tag.Key == "topic")
                {
                    topic = tag.Value as string ?? "";
                }
            }

            _sums.AddOrUpdate($"{instrument.Name}/{topic}", value, (_, sum) => sum + value);
        });
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => _gauges[instrument.Name] = value);
        _listener.Start();
    }

    /// <summary>The sum of <paramref name="counter"/> for <paramref name="topic"/>.</summary>
    public long Sum(string counter, string topic) => _sums.TryGetValue($"{counter}/{topic}", out var sum) ? sum : 0;

    /// <summary>Observes the gauges now and returns <paramref name="gauge"/>'s value, or null when it was never seen.</summary>
    public int? Gauge(string gauge)
    {
        _listener.RecordObservableInstruments();
        return _gauges.TryGetValue(gauge, out var value) ? value : null;
    }

    public void Dispose() => _listener.Dispose();
}
