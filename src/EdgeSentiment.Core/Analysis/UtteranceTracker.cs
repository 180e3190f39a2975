namespace EdgeSentiment.Core.Analysis;

/// <summary>
/// <see cref="UtteranceFinder"/> for a live stream: windows arrive one at a time and an utterance is
/// reported as soon as it is over (a window without audience speech, one that does not touch it, or
/// the length limit), with the voice model's mean over its windows. Only sums are kept, so a window
/// costs no allocation. The film's speech (with a soundtrack reference) is not the audience's and
/// ends an utterance as silence does.
/// </summary>
public sealed class UtteranceTracker
{
    private long _windows;
    private long _first = -1;
    private int _count;
    private TimeSpan _start;
    private TimeSpan _end;
    private double _negative;
    private double _neutral;
    private double _positive;

    public UtteranceTracker(double maxSeconds = 20.0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSeconds);
        MaxSeconds = maxSeconds;
    }

    public double MaxSeconds { get; }

    /// <summary>Takes the next window (in time order); true with the utterance it ended, if any.</summary>
    public bool Add(in WindowResult window, out VoicedUtterance ended)
    {
        var index = _windows++;
        var speech = window.IsAudienceSpeech;
        if (_first >= 0 && speech && window.Start <= _end && (window.End - _start).TotalSeconds <= MaxSeconds)
        {
            Extend(window);
            ended = default;
            return false;
        }

        var any = Flush(out ended);
        if (speech)
        {
            _first = index;
            _start = window.Start;
            _count = 0;
            _negative = _neutral = _positive = 0;
            Extend(window);
        }

        return any;
    }

    /// <summary>Ends the utterance in progress (the stream stopped or failed); true with it, if any.</summary>
    public bool Flush(out VoicedUtterance ended)
    {
        if (_first < 0)
        {
            ended = default;
            return false;
        }

        var voice = new SentimentScores((float)(_negative / _count), (float)(_neutral / _count), (float)(_positive / _count));
        ended = new VoicedUtterance(new Utterance(_start, _end, (int)Math.Min(_first, int.MaxValue), _count), voice);
        _first = -1;
        return true;
    }

    private void Extend(in WindowResult window)
    {
        _end = window.End;
        _count++;
        _negative += window.Scores.Negative;
        _neutral += window.Scores.Neutral;
        _positive += window.Scores.Positive;
    }
}
