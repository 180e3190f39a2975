using EdgeSentiment.Core.Mood;

namespace EdgeSentiment.Core.Summaries;

/// <summary>Counts the windows each mood was shown for and names the dominant one, without allocating per window.</summary>
public sealed class MoodCounter
{
    // Every value of AudienceMood, NoSpeech to Film; they are numbered from 0 without gaps.
    private static readonly int MoodCount = Enum.GetValues<AudienceMood>().Length;

    private readonly int[] _windows = new int[MoodCount];
    private readonly long[] _lastSeen = new long[MoodCount];
    private long _sequence;

    public void Add(AudienceMood mood)
    {
        var index = (int)mood;
        if ((uint)index < MoodCount)
        {
            _windows[index]++;
            _lastSeen[index] = ++_sequence;
        }
    }

    /// <summary>
    /// The mood shown in most windows; a tie goes to the mood shown more recently, which is what
    /// someone looking at the LEDs at the end would have seen. <see cref="AudienceMood.NoSpeech"/> when empty.
    /// </summary>
    public AudienceMood Dominant()
    {
        var best = 0;
        for (var i = 1; i < MoodCount; i++)
        {
            if (_windows[i] > _windows[best] || (_windows[i] == _windows[best] && _lastSeen[i] > _lastSeen[best]))
            {
                best = i;
            }
        }

        return (AudienceMood)best;
    }

    public void Reset()
    {
        Array.Clear(_windows);
        Array.Clear(_lastSeen);
        _sequence = 0;
    }
}
