using System.Diagnostics.Metrics;
using EdgeSentiment.Device.Pipeline;

namespace EdgeSentiment.Device.Storage;

/// <summary>
/// The store's instruments on the agent's meter (<see cref="PipelineMetrics.MeterName"/>), for
/// dotnet-counters or OpenTelemetry: what it had to let go while writes failed.
/// </summary>
public sealed class StoreMetrics : IDisposable
{
    public const string DroppedSummariesName = "edgesentiment.store.summaries.dropped";

    private readonly Meter? _ownMeter;
    private readonly Counter<long> _droppedSummaries;

    public StoreMetrics(IMeterFactory? meterFactory)
    {
        // A factory's meter is shared with the other instruments and disposed by the factory.
        Meter meter;
        if (meterFactory is null)
        {
            meter = _ownMeter = new Meter(PipelineMetrics.MeterName);
        }
        else
        {
            meter = meterFactory.Create(PipelineMetrics.MeterName);
        }

        _droppedSummaries = meter.CreateCounter<long>(
            DroppedSummariesName, "{summary}", "Minute summaries dropped unwritten: kept in memory while store writes failed, beyond the 240 kept");
    }

    public void SummaryDropped() => _droppedSummaries.Add(1);

    public void Dispose() => _ownMeter?.Dispose();
}
