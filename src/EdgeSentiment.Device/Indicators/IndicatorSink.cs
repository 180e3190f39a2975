using EdgeSentiment.Core.Mood;
using EdgeSentiment.Device.Pipeline;

namespace EdgeSentiment.Device.Indicators;

/// <summary>
/// Feeds pipeline updates to a mood indicator through the indicator's own sink queue, and runs the
/// LED test on the same indicator: while a test runs, updates are remembered but not shown, and the
/// latest is shown when the test ends, so the test and the pipeline never drive the LEDs at once.
/// </summary>
public sealed class IndicatorSink : IMoodSink
{
    /// <summary>The order <see cref="TestAsync"/> shows the patterns in.</summary>
    public static readonly IReadOnlyList<LedPattern> TestPatterns =
        [LedPattern.Negative, LedPattern.Neutral, LedPattern.Positive, LedPattern.Film, LedPattern.Fault, LedPattern.Off];

    private readonly IMoodIndicator _indicator;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private MoodUpdate? _latest;
    private LedPattern? _overlay;
    private bool _testRunning;
    private int _testClaimed;

    public IndicatorSink(IMoodIndicator indicator, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        _indicator = indicator;
        _time = time ?? TimeProvider.System;
    }

    public string Name => _indicator.Name;

    public ValueTask HandleAsync(MoodUpdate update, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _latest = update;
            if (!_testRunning && _overlay is null)
            {
                _indicator.Show(update);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Shows <paramref name="pattern"/> instead of the mood until called with null (the review booth
    /// while it records, or after a refusal); then the latest mood again.
    /// </summary>
    public void Overlay(LedPattern? pattern)
    {
        lock (_gate)
        {
            _overlay = pattern;
            if (_testRunning)
            {
                return;
            }

            if (pattern is { } shown)
            {
                _indicator.ShowPattern(shown);
            }
            else
            {
                _indicator.Show(_latest ?? UpdateShowing(LedPattern.Off));
            }
        }
    }

    /// <summary>
    /// Shows every pattern of <see cref="TestPatterns"/> for <paramref name="step"/> each, then the
    /// current mood again; returns what was shown after, or null when another test is running.
    /// </summary>
    public async Task<LedPattern?> TestAsync(TimeSpan step, CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _testClaimed, 1, 0) != 0)
        {
            return null;
        }

        var after = LedPattern.Off;
        try
        {
            lock (_gate)
            {
                _testRunning = true;
            }

            foreach (var pattern in TestPatterns)
            {
                lock (_gate)
                {
                    _indicator.Show(UpdateShowing(pattern));
                }

                await Task.Delay(step, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            lock (_gate)
            {
                _testRunning = false;
                var current = _latest ?? UpdateShowing(LedPattern.Off);
                if (_overlay is { } overlay)
                {
                    _indicator.ShowPattern(overlay);
                    after = overlay;
                }
                else
                {
                    _indicator.Show(current);
                    after = LedPatterns.For(current);
                }
            }

            Volatile.Write(ref _testClaimed, 0);
        }

        return after;
    }

    private MoodUpdate UpdateShowing(LedPattern pattern) => new(
        _time.GetUtcNow(),
        pattern switch
        {
            LedPattern.Negative => AudienceMood.Negative,
            LedPattern.Neutral => AudienceMood.Neutral,
            LedPattern.Positive => AudienceMood.Positive,
            LedPattern.Film => AudienceMood.Film,
            _ => AudienceMood.NoSpeech,
        },
        pattern == LedPattern.Fault,
        null);
}
