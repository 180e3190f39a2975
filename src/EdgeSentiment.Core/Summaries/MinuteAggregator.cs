using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Mood;

namespace EdgeSentiment.Core.Summaries;

/// <summary>
/// Groups window results into wall-clock minutes (by each window's start) and hands back a
/// <see cref="MinuteSummary"/> each time a minute is over.
/// </summary>
public sealed class MinuteAggregator
{
    private readonly TallyBuilder _tally = new();
    private readonly MoodCounter _moods = new();
    private DateTime _minute;

    /// <summary>Whether a minute has begun and not been handed back yet.</summary>
    public bool HasOpenMinute => _tally.WindowCount > 0;

    /// <summary>
    /// Adds a window that started at <paramref name="startUtc"/> while the indicators showed
    /// <paramref name="mood"/>. Returns the previous minute's summary when this window begins another
    /// minute (later or, after a clock step, earlier), otherwise null.
    /// </summary>
    public MinuteSummary? Add(DateTime startUtc, in WindowResult window, AudienceMood mood)
    {
        var minute = MinuteOf(startUtc);
        MinuteSummary? finished = null;
        if (HasOpenMinute && minute != _minute)
        {
            finished = Flush();
        }

        _minute = minute;
        _tally.Add(window);
        _moods.Add(mood);

        return finished;
    }

    /// <summary>Hands back the minute in progress (e.g. at shutdown), or null when there is none.</summary>
    public MinuteSummary? Flush()
    {
        if (!HasOpenMinute)
        {
            return null;
        }

        var summary = new MinuteSummary(_minute, _tally.ToTally(), _moods.Dominant());
        _tally.Reset();
        _moods.Reset();
        return summary;
    }

    /// <summary>The minute <paramref name="timeUtc"/> falls in, as a UTC time on the minute.</summary>
    public static DateTime MinuteOf(DateTime timeUtc)
    {
        var utc = timeUtc.Kind == DateTimeKind.Local ? timeUtc.ToUniversalTime() : timeUtc;
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
    }
}
