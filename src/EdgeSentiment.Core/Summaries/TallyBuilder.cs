using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Core.Summaries;

/// <summary>Adds windows up into a <see cref="SentimentTally"/> without allocating per window.</summary>
public sealed class TallyBuilder
{
    private int _windows;
    private int _speech;
    private int _negative;
    private int _neutral;
    private int _positive;
    private int _film;
    private int _audienceOverFilm;
    private double _sumNegative;
    private double _sumNeutral;
    private double _sumPositive;

    public int WindowCount => _windows;

    /// <summary>Counts the window; only audience speech windows carry a label and enter the mean scores.</summary>
    public void Add(in WindowResult window)
    {
        _windows++;
        if (window.IsFilm)
        {
            _film++;
        }

        if (window.IsAudienceOverFilm)
        {
            _audienceOverFilm++;
        }

        if (window.Label is not { } label)
        {
            return;
        }

        _speech++;
        _sumNegative += window.Scores.Negative;
        _sumNeutral += window.Scores.Neutral;
        _sumPositive += window.Scores.Positive;
        switch (label)
        {
            case SentimentLabel.Negative:
                _negative++;
                break;
            case SentimentLabel.Neutral:
                _neutral++;
                break;
            default:
                _positive++;
                break;
        }
    }

    /// <summary>Adds a tally made elsewhere, e.g. a minute into its session.</summary>
    public void Add(in SentimentTally tally)
    {
        _windows += tally.WindowCount;
        _speech += tally.SpeechWindowCount;
        _negative += tally.NegativeCount;
        _neutral += tally.NeutralCount;
        _positive += tally.PositiveCount;
        _film += tally.FilmWindowCount;
        _audienceOverFilm += tally.AudienceOverFilmCount;
        _sumNegative += (double)tally.MeanScores.Negative * tally.SpeechWindowCount;
        _sumNeutral += (double)tally.MeanScores.Neutral * tally.SpeechWindowCount;
        _sumPositive += (double)tally.MeanScores.Positive * tally.SpeechWindowCount;
    }

    public SentimentTally ToTally()
    {
        var mean = _speech == 0
            ? default
            : new SentimentScores((float)(_sumNegative / _speech), (float)(_sumNeutral / _speech), (float)(_sumPositive / _speech));
        return new SentimentTally(_windows, _speech, _negative, _neutral, _positive, mean, _film, _audienceOverFilm);
    }

    public void Reset()
    {
        _windows = _speech = _negative = _neutral = _positive = _film = _audienceOverFilm = 0;
        _sumNegative = _sumNeutral = _sumPositive = 0;
    }
}
