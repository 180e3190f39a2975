using EdgeSentiment.Core.Mood;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Core.Tests.Mood;

public sealed class MoodSmootherTests
{
    private static readonly float[] Negative = [0.7f, 0.2f, 0.1f];
    private static readonly float[] Neutral = [0.15f, 0.7f, 0.15f];
    private static readonly float[] Positive = [0.1f, 0.2f, 0.7f];
    private static readonly float[] CertainNegative = [1f, 0f, 0f];
    private static readonly float[] CertainPositive = [0f, 0f, 1f];

    private readonly MoodSmoother _smoother = new(MoodSmootherSettings.Default);

    [Fact]
    public void Update_NothingYet_IsNoSpeech() => Assert.Equal(AudienceMood.NoSpeech, _smoother.Mood);

    [Fact]
    public void Update_SteadyInput_SettlesOnItsLabelAndItsProbabilities()
    {
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(AudienceMood.Positive, _smoother.Update(true, Positive));
        }

        Assert.Equal(0.7f, _smoother.Smoothed[2], 3);
    }

    [Fact]
    public void Update_SingleOutlierWindows_DoNotFlipTheMood()
    {
        Feed(Neutral, 10);

        for (var round = 0; round < 5; round++)
        {
            Assert.Equal(AudienceMood.Neutral, _smoother.Update(true, CertainNegative));
            Feed(Neutral, 3);
            Assert.Equal(AudienceMood.Neutral, _smoother.Mood);
        }
    }

    [Fact]
    public void Update_TwoOutliersInARow_DoNotFlipTheMood()
    {
        Feed(CertainPositive, 10);

        _smoother.Update(true, CertainNegative);

        Assert.Equal(AudienceMood.Positive, _smoother.Update(true, CertainNegative));
    }

    [Fact]
    public void Update_SustainedCompleteChange_FlipsExactlyAfterTheDocumentedWindows()
    {
        var settings = MoodSmootherSettings.Default;
        Feed(CertainNegative, 20);

        var windows = 0;
        while (_smoother.Update(true, CertainPositive) != AudienceMood.Positive)
        {
            windows++;
            Assert.True(windows < 50, "never switched");
        }

        Assert.Equal(4, settings.FullSwingSwitchWindows);
        Assert.Equal(settings.FullSwingSwitchWindows, windows + 1);
    }

    [Fact]
    public void Update_SustainedRealisticChange_FlipsWithinTheDocumentedWindows()
    {
        Feed(Negative, 20);

        var windows = 1;
        for (; _smoother.Update(true, Positive) != AudienceMood.Positive; windows++)
        {
            Assert.True(windows < 50, "never switched");
        }

        Assert.InRange(windows, MoodSmootherSettings.Default.SwitchWindows, MoodSmootherSettings.Default.FullSwingSwitchWindows);
    }

    [Fact]
    public void Update_Silence_GivesNoSpeechAfterTheSetNumberOfWindows()
    {
        Feed(Positive, 10);

        for (var i = 1; i < MoodSmootherSettings.Default.NoSpeechWindows; i++)
        {
            Assert.Equal(AudienceMood.Positive, _smoother.Update(false, default));
        }

        Assert.Equal(AudienceMood.NoSpeech, _smoother.Update(false, default));
    }

    [Fact]
    public void Update_ShortPauseInSpeech_KeepsTheMoodAndTheAverage()
    {
        Feed(Positive, 10);
        var before = _smoother.Smoothed[2];

        _smoother.Update(false, default);
        _smoother.Update(false, default);

        Assert.Equal(AudienceMood.Positive, _smoother.Mood);
        Assert.Equal(before, _smoother.Smoothed[2]);
    }

    [Fact]
    public void Update_SpeechAfterNoSpeech_StartsFromTheNewSpeakerAtOnce()
    {
        Feed(CertainPositive, 10);
        for (var i = 0; i < MoodSmootherSettings.Default.NoSpeechWindows; i++)
        {
            _smoother.Update(false, default);
        }

        Assert.Equal(AudienceMood.Negative, _smoother.Update(true, Negative));
        Assert.Equal(0.7f, _smoother.Smoothed[0]);
    }

    [Fact]
    public void Update_AlternatingCloseScores_DoNotFlicker()
    {
        float[] leansNegative = [0.46f, 0.10f, 0.44f];
        float[] leansPositive = [0.44f, 0.10f, 0.46f];
        var first = _smoother.Update(true, leansNegative);

        for (var i = 0; i < 40; i++)
        {
            Assert.Equal(first, _smoother.Update(true, i % 2 == 0 ? leansPositive : leansNegative));
        }
    }

    [Fact]
    public void Update_AlternatingWithoutMarginButLeaderChanging_DoesNotSwitch()
    {
        Feed(Neutral, 10);
        float[] slightlyPositive = [0.1f, 0.42f, 0.48f];

        Feed(slightlyPositive, 30);

        Assert.Equal(AudienceMood.Neutral, _smoother.Mood);
    }

    [Fact]
    public void Update_AllocatesNothing()
    {
        Feed(Neutral, 3);

        var i = 0;
        var allocated = Allocations.FewestBytes(
            () =>
            {
                _smoother.Update(i % 7 != 0, i % 2 == 0 ? Positive : Negative);
                i++;
            },
            calls: 100);

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Update_RunOfFilmWindows_ShowsFilmAfterAsManyWindowsAsNoSpeech()
    {
        var settings = MoodSmootherSettings.Default;
        Feed(Positive, 10);

        for (var i = 1; i < settings.NoSpeechWindows; i++)
        {
            Assert.Equal(AudienceMood.Positive, _smoother.Update(true, true, CertainNegative));
        }

        Assert.Equal(AudienceMood.Film, _smoother.Update(true, true, CertainNegative));
        Assert.All(_smoother.Smoothed.ToArray(), p => Assert.Equal(0f, p));
    }

    [Fact]
    public void Update_FilmWindows_DoNotMoveTheAverage()
    {
        Feed(Positive, 10);
        var before = _smoother.Smoothed.ToArray();

        _smoother.Update(true, true, CertainNegative);
        _smoother.Update(false, true, CertainNegative);

        Assert.Equal(before, _smoother.Smoothed.ToArray());
        Assert.Equal(AudienceMood.Positive, _smoother.Mood);
    }

    [Fact]
    public void Update_PausesInTheFilmsDialogue_KeepFilm()
    {
        FeedFilm(5);

        // One window in three without the film: the film still dominates.
        for (var i = 0; i < 12; i++)
        {
            Assert.Equal(AudienceMood.Film, _smoother.Update(false, i % 3 != 0, Neutral));
        }
    }

    [Fact]
    public void Update_FilmFallsSilent_NoSpeechAfterAFullRunWithoutIt()
    {
        var settings = MoodSmootherSettings.Default;
        FeedFilm(5);

        for (var i = 1; i < settings.NoSpeechWindows; i++)
        {
            Assert.Equal(AudienceMood.Film, _smoother.Update(false, false, Neutral));
        }

        Assert.Equal(AudienceMood.NoSpeech, _smoother.Update(false, false, Neutral));
    }

    [Fact]
    public void Update_MostlySilenceWithAFilmWindow_IsNoSpeech()
    {
        Feed(Neutral, 5);

        _smoother.Update(false, false, Neutral);
        _smoother.Update(false, true, Neutral);

        Assert.Equal(AudienceMood.NoSpeech, _smoother.Update(false, false, Neutral));
    }

    [Fact]
    public void Update_AudienceSpeaksAfterFilm_SetsTheirMoodAtOnce()
    {
        FeedFilm(8);

        Assert.Equal(AudienceMood.Negative, _smoother.Update(true, false, Negative));
        Assert.Equal(0.7f, _smoother.Smoothed[0], 3);
    }

    [Fact]
    public void Update_AudienceSpeechBetweenFilmWindows_StartsANewRun()
    {
        var settings = MoodSmootherSettings.Default;
        Feed(Neutral, 5);

        for (var round = 0; round < 5; round++)
        {
            for (var i = 1; i < settings.NoSpeechWindows; i++)
            {
                _smoother.Update(false, true, Neutral);
            }

            Assert.Equal(AudienceMood.Neutral, _smoother.Update(true, false, Neutral));
        }
    }

    [Fact]
    public void Update_WithFilm_AllocatesNothing()
    {
        var i = 0;
        var allocated = Allocations.FewestBytes(
            () =>
            {
                _smoother.Update(i % 5 == 0, i % 3 != 0, Positive);
                i++;
            },
            calls: 100);

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Reset_AfterFilm_IsNoSpeechAndTheNextRunStartsAfresh()
    {
        FeedFilm(5);

        _smoother.Reset();
        _smoother.Update(false, true, Neutral);

        Assert.Equal(AudienceMood.NoSpeech, _smoother.Mood);
    }

    [Fact]
    public void Update_WrongNumberOfProbabilities_Throws() =>
        Assert.Throws<ArgumentException>(() => _smoother.Update(true, new float[2]));

    [Fact]
    public void Constructor_ZeroTimeConstant_ThrowsNamingTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(
            () => new MoodSmoother(MoodSmootherSettings.Default with { TimeConstantWindows = 0 }));

        Assert.Contains("TimeConstantWindows", error.Message, StringComparison.Ordinal);
    }

    private void FeedFilm(int windows)
    {
        for (var i = 0; i < windows; i++)
        {
            _smoother.Update(false, true, Neutral);
        }

        Assert.Equal(AudienceMood.Film, _smoother.Mood);
    }

    private void Feed(float[] probabilities, int windows)
    {
        for (var i = 0; i < windows; i++)
        {
            _smoother.Update(true, probabilities);
        }
    }
}
