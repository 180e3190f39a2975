using EdgeSentiment.Core.Analysis;

namespace EdgeSentiment.Core.Tests.Analysis;

public sealed class UtteranceTrackerTests
{
    [Theory]
    [InlineData(20.0)]
    [InlineData(5.0)]
    public void Add_WindowsOneAtATime_GivesTheUtterancesOfTheFinder(double maxSeconds)
    {
        // 2 s windows every 0.5 s: runs of speech split by silence, one longer than 5 s.
        var pattern = "SSFFFFS" + new string('S', 16) + "FFSSSF";
        var windows = pattern.Select((c, i) => Window(i * 0.5, c == 'S', 0.1f * (i % 5))).ToArray();
        var tracker = new UtteranceTracker(maxSeconds);

        var found = new List<Utterance>();
        foreach (var window in windows)
        {
            if (tracker.Add(window, out var ended))
            {
                found.Add(ended.Utterance);
            }
        }

        if (tracker.Flush(out var last))
        {
            found.Add(last.Utterance);
        }

        Assert.Equal(new UtteranceFinder(maxSeconds).Find(windows), found);
    }

    [Fact]
    public void Add_SpeechEndedBySilence_GivesTheMeanOfItsWindows()
    {
        var tracker = new UtteranceTracker();
        Assert.False(tracker.Add(Window(0, speech: true, positive: 0.2f), out _));
        Assert.False(tracker.Add(Window(0.5, speech: true, positive: 0.6f), out _));

        Assert.True(tracker.Add(Window(1.0, speech: false, positive: 0.9f), out var ended));

        Assert.Equal(0.4f, ended.Voice.Positive, 5);
        Assert.Equal(new Utterance(TimeSpan.Zero, TimeSpan.FromSeconds(2.5), 0, 2), ended.Utterance);
        Assert.False(tracker.Flush(out _));
    }

    [Fact]
    public void Add_FilmSpeech_EndsTheAudiencesUtteranceAndStartsNone()
    {
        var tracker = new UtteranceTracker();
        tracker.Add(Window(0, speech: true), out _);

        Assert.True(tracker.Add(Window(0.5, speech: true) with { IsFilm = true }, out var ended));
        Assert.Equal(1, ended.Utterance.WindowCount);
        Assert.False(tracker.Flush(out _));
    }

    private static WindowResult Window(double start, bool speech, float positive = 0.2f) =>
        new(TimeSpan.FromSeconds(start), TimeSpan.FromSeconds(start + 2), speech, new SentimentScores(0.2f, 0.8f - positive, positive), -20f);
}
