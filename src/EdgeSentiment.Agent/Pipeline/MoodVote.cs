using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Core.Mood;

namespace EdgeSentiment.Agent.Pipeline;

/// <summary>
/// Smooths window labels into a mood that does not flicker: the most common label among the
/// speech windows of the last <see cref="History"/> windows; no speech when fewer than
/// <see cref="MinSpeechWindows"/> of them held speech. Ties keep the current mood.
/// </summary>
public sealed class MoodVote
{
    private readonly SentimentLabel?[] _recent;
    private readonly int[] _counts = new int[3];
    private int _next;
    private int _filled;

    public MoodVote(int history = 6, int minSpeechWindows = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(history);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minSpeechWindows);
        _recent = new SentimentLabel?[history];
        MinSpeechWindows = Math.Min(minSpeechWindows, history);
    }

    public int History => _recent.Length;

    public int MinSpeechWindows { get; }

    public AudienceMood Current { get; private set; } = AudienceMood.NoSpeech;

    /// <summary>Adds <paramref name="window"/> and returns the mood after it.</summary>
    public AudienceMood Add(in WindowResult window)
    {
        if (_filled == _recent.Length && _recent[_next] is { } evicted)
        {
            _counts[(int)evicted]--;
        }

        var label = window.Label;
        _recent[_next] = label;
        if (label is { } added)
        {
            _counts[(int)added]++;
        }

        _next = (_next + 1) % _recent.Length;
        _filled = Math.Min(_filled + 1, _recent.Length);

        var speech = _counts[0] + _counts[1] + _counts[2];
        if (speech < MinSpeechWindows)
        {
            Current = AudienceMood.NoSpeech;
            return Current;
        }

        var best = -1;
        var bestCount = 0;
        var tie = false;
        for (var i = 0; i < _counts.Length; i++)
        {
            if (_counts[i] > bestCount)
            {
                best = i;
                bestCount = _counts[i];
                tie = false;
            }
            else if (_counts[i] == bestCount && bestCount > 0)
            {
                tie = true;
            }
        }

        if (!tie || Current == AudienceMood.NoSpeech)
        {
            Current = ToMood((SentimentLabel)best);
        }

        return Current;
    }

    private static AudienceMood ToMood(SentimentLabel label) => label switch
    {
        SentimentLabel.Negative => AudienceMood.Negative,
        SentimentLabel.Neutral => AudienceMood.Neutral,
        _ => AudienceMood.Positive,
    };
}
