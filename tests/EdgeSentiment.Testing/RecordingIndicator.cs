using EdgeSentiment.Device.Indicators;
using EdgeSentiment.Device.Pipeline;

namespace EdgeSentiment.Testing;

/// <summary>An indicator that remembers what it was told to show.</summary>
public sealed class RecordingIndicator : IMoodIndicator
{
    private readonly List<LedPattern> _patterns = [];
    private int _turnedOff;

    public string Name => "recording indicator";

    public int TurnedOff => Volatile.Read(ref _turnedOff);

    public IReadOnlyList<LedPattern> Patterns
    {
        get
        {
            lock (_patterns)
            {
                return [.. _patterns];
            }
        }
    }

    public void Show(MoodUpdate update)
    {
        lock (_patterns)
        {
            _patterns.Add(LedPatterns.For(update));
        }
    }

    public void ShowPattern(LedPattern pattern)
    {
        lock (_patterns)
        {
            _patterns.Add(pattern);
        }
    }

    public void TurnOff() => Interlocked.Increment(ref _turnedOff);

    public void Dispose() => TurnOff();
}
