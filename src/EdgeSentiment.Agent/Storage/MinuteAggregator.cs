using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Mood;

namespace EdgeSentiment.Agent.Storage;

/// <summary>
/// Groups window results into wall-clock minutes (by each window's start) and hands back a
/// <see cref="MinuteSummary"/> each time a minute is over.
/// </summary>
public sealed class MinuteAggregator
{
    private const int MoodCount = 4;

    private readonly TallyBuilder _tally = new();
    private readonly int[] _moodWindows = new int[MoodCount];
    private readonly long[] _moodLastSeen = new long[MoodCount];
    private long _sequence;
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
        var index = (int)mood;
        if ((uint)index < MoodCount)
        {
            _moodWindows[index]++;
            _moodLastSeen[index] = ++_sequence;
        }

        return finished;
    }

    /// <summary>Hands back the minute in progress (e.g. at shutdown), or null when there is none.</summary>
    public MinuteSummary? Flush()
    {
        if (!HasOpenMinute)
        {
            return null;
        }

        var summary = new MinuteSummary(_minute, _tally.ToTally(), DominantMood());
        _tally.Reset();
        Array.Clear(_moodWindows);
        Array.Clear(_moodLastSeen);
        return summary;
    }

    /// <summary>The minute <paramref name="timeUtc"/> falls in, as a UTC time on the minute.</summary>
    public static DateTime MinuteOf(DateTime timeUtc)
    {
        var utc = timeUtc.Kind == DateTimeKind.Local ? timeUtc.ToUniversalTime() : timeUtc;
        return new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
    }

    // The mood shown in most windows; a tie goes to the mood shown more recently, which is what
    // someone looking at the LEDs at the end of the minute would have seen.
    private AudienceMood DominantMood()
    {
        var best = 0;
        for (var i = 1; i < MoodCount; i++)
        {
            if (_moodWindows[i] > _moodWindows[best]
                || (_moodWindows[i] == _moodWindows[best] && _moodLastSeen[i] > _moodLastSeen[best]))
            {
                best = i;
            }
        }

        return (AudienceMood)best;
    }
}
