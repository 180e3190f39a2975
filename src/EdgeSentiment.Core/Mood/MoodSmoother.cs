using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Core.Mood;

/// <summary>
/// Turns per-window results into a steady <see cref="AudienceMood"/>: a moving average of the
/// probabilities, a switch only when a new leader wins clearly for a few windows in a row, and
/// <see cref="AudienceMood.NoSpeech"/> or <see cref="AudienceMood.Film"/> after a run of windows
/// without audience speech. Allocation-free.
/// </summary>
/// <remarks>
/// No-speech windows leave the average untouched and neither advance nor cancel a pending switch,
/// so pauses between sentences change nothing. After <see cref="MoodSmootherSettings.NoSpeechWindows"/>
/// of them the average is cleared: the next speaker starts from their own first window, not from
/// the previous conversation. Coming out of NoSpeech, the first speech window sets the mood at once.
/// Film windows (the film speaks and the microphone hears the film, not the audience) count as
/// windows without audience speech. Once the run is long enough the mood is Film when more than
/// half of its last <see cref="MoodSmootherSettings.NoSpeechWindows"/> windows were the film's;
/// Film stays until none of them was, so pauses in the film's dialogue do not make it flicker.
/// Coming out of Film is like coming out of NoSpeech.
/// </remarks>
public sealed class MoodSmoother
{
    private readonly MoodSmootherSettings _settings;
    private readonly float _alpha;
    private readonly float[] _average = new float[SentimentLabels.Count];

    // Whether each of the last NoSpeechWindows windows of the current run without audience speech
    // was the film's, as a ring indexed by the run's length.
    private readonly bool[] _recentFilm;
    private int _recentFilmCount;
    private bool _hasAverage;
    private int _silentRun;
    private int _pendingRun;
    private AudienceMood _pending;

    public MoodSmoother(MoodSmootherSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _settings = settings;
        _alpha = (float)settings.Alpha;
        _recentFilm = new bool[settings.NoSpeechWindows];
    }

    public AudienceMood Mood { get; private set; } = AudienceMood.NoSpeech;

    /// <summary>The moving average in <see cref="SentimentLabel"/> order; all zero when there is none.</summary>
    public ReadOnlySpan<float> Smoothed => _average;

    /// <summary>Takes one window's result and returns the mood to show.</summary>
    /// <param name="isSpeech">Whether the window held speech from the audience.</param>
    /// <param name="probabilities">The model's three probabilities in <see cref="SentimentLabel"/> order; ignored without speech.</param>
    public AudienceMood Update(bool isSpeech, ReadOnlySpan<float> probabilities) => Update(isSpeech, false, probabilities);

    /// <summary>Takes one window's result and returns the mood to show.</summary>
    /// <param name="isSpeech">Whether the window held speech from the audience.</param>
    /// <param name="isFilm">Whether the window was the film's; such a window is never the audience's, whatever <paramref name="isSpeech"/> says.</param>
    /// <param name="probabilities">The model's three probabilities in <see cref="SentimentLabel"/> order; ignored without audience speech.</param>
    public AudienceMood Update(bool isSpeech, bool isFilm, ReadOnlySpan<float> probabilities)
    {
        if (isFilm || !isSpeech)
        {
            Remember(isFilm);
            _silentRun++;
            if (_silentRun >= _settings.NoSpeechWindows)
            {
                Quiet();
            }

            return Mood;
        }

        if (probabilities.Length != SentimentLabels.Count)
        {
            throw new ArgumentException(
                $"expected {SentimentLabels.Count} probabilities (negative, neutral, positive), got {probabilities.Length}.", nameof(probabilities));
        }

        if (_silentRun > 0)
        {
            _silentRun = 0;
            Array.Clear(_recentFilm);
            _recentFilmCount = 0;
        }

        Average(probabilities);
        var leader = ToMood(Leader());
        if (Mood is AudienceMood.NoSpeech or AudienceMood.Film)
        {
            Mood = leader;
            _pendingRun = 0;
            return Mood;
        }

        if (leader != Mood && Score(leader) - Score(Mood) >= _settings.SwitchMargin)
        {
            _pendingRun = leader == _pending ? _pendingRun + 1 : 1;
            _pending = leader;
            if (_pendingRun >= _settings.SwitchWindows)
            {
                Mood = leader;
                _pendingRun = 0;
            }
        }
        else
        {
            _pendingRun = 0;
        }

        return Mood;
    }

    /// <summary>Back to NoSpeech with no history.</summary>
    public void Reset()
    {
        Mood = AudienceMood.NoSpeech;
        Forget();
        Array.Clear(_recentFilm);
        _recentFilmCount = 0;
        _silentRun = 0;
    }

    private void Forget()
    {
        Array.Clear(_average);
        _hasAverage = false;
        _pendingRun = 0;
        _pending = AudienceMood.NoSpeech;
    }

    private void Remember(bool isFilm)
    {
        var slot = _silentRun % _recentFilm.Length;
        _recentFilmCount += (isFilm ? 1 : 0) - (_recentFilm[slot] ? 1 : 0);
        _recentFilm[slot] = isFilm;
    }

    // A run without audience speech is long enough: the average goes, and the mood says whether the
    // film or nobody is speaking.
    private void Quiet()
    {
        Forget();
        if (Mood == AudienceMood.Film)
        {
            if (_recentFilmCount == 0)
            {
                Mood = AudienceMood.NoSpeech;
            }
        }
        else
        {
            Mood = _recentFilmCount * 2 > _recentFilm.Length ? AudienceMood.Film : AudienceMood.NoSpeech;
        }
    }

    private void Average(ReadOnlySpan<float> probabilities)
    {
        for (var i = 0; i < _average.Length; i++)
        {
            _average[i] = _hasAverage ? _average[i] + (_alpha * (probabilities[i] - _average[i])) : probabilities[i];
        }

        _hasAverage = true;
    }

    private SentimentLabel Leader()
    {
        var best = 0;
        for (var i = 1; i < _average.Length; i++)
        {
            if (_average[i] > _average[best])
            {
                best = i;
            }
        }

        return (SentimentLabel)best;
    }

    private float Score(AudienceMood mood) => _average[(int)mood - 1];

    private static AudienceMood ToMood(SentimentLabel label) => label switch
    {
        SentimentLabel.Negative => AudienceMood.Negative,
        SentimentLabel.Neutral => AudienceMood.Neutral,
        _ => AudienceMood.Positive,
    };
}
