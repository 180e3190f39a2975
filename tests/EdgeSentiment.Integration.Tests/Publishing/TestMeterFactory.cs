using System.Diagnostics.Metrics;

namespace EdgeSentiment.Integration.Tests.Publishing;

/// <summary>
/// Makes meters scoped to itself, so a <see cref="MeterListener"/> can pick out the instruments of the
/// publisher under test from those of other tests running at the same time.
/// </summary>
public sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = [];

    public Meter Create(MeterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
        lock (_meters)
        {
            _meters.Add(meter);
        }

        return meter;
    }

    public void Dispose()
    {
        lock (_meters)
        {
            foreach (var meter in _meters)
            {
                meter.Dispose();
            }

            _meters.Clear();
        }
    }
}
