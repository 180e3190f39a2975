using EdgeSentiment.Agent.Pipeline;

namespace EdgeSentiment.Agent.Indicators;

/// <summary>Feeds pipeline updates to a mood indicator through the indicator's own sink queue.</summary>
public sealed class IndicatorSink : IMoodSink
{
    private readonly IMoodIndicator _indicator;

    public IndicatorSink(IMoodIndicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        _indicator = indicator;
    }

    public string Name => _indicator.Name;

    public ValueTask HandleAsync(MoodUpdate update, CancellationToken cancellationToken)
    {
        _indicator.Show(update);
        return ValueTask.CompletedTask;
    }
}
