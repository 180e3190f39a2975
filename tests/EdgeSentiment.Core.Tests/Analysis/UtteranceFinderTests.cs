using EdgeSentiment.Core.Analysis;

namespace EdgeSentiment.Core.Tests.Analysis;

public sealed class UtteranceFinderTests
{
    [Fact]
    public void Find_TouchingSpeechWindows_AreJoinedAndSplitAtSilence()
    {
        // 2 s windows every 0.5 s: speech, speech, silence x4 (a 2 s gap), speech.
        var speech = new[] { true, true, false, false, false, false, true };
        var windows = speech.Select((s, i) => Window(i * 0.5, s)).ToArray();

        var utterances = new UtteranceFinder().Find(windows);

        Assert.Equal(2, utterances.Count);
        Assert.Equal(new Utterance(TimeSpan.Zero, TimeSpan.FromSeconds(2.5), 0, 2), utterances[0]);
        Assert.Equal(new Utterance(TimeSpan.FromSeconds(3.0), TimeSpan.FromSeconds(5.0), 6, 1), utterances[1]);
    }

    [Fact]
    public void Find_RunLongerThanTheLimit_IsCut()
    {
        var windows = Enumerable.Range(0, 20).Select(i => Window(i * 0.5, speech: true)).ToArray();

        var utterances = new UtteranceFinder(maxSeconds: 5).Find(windows);

        Assert.True(utterances.Count > 1);
        Assert.All(utterances, u => Assert.True(u.Duration.TotalSeconds <= 5));
        Assert.Equal(windows.Length, utterances.Sum(u => u.WindowCount));
    }

    [Fact]
    public void Find_NoSpeech_NoUtterances() =>
        Assert.Empty(new UtteranceFinder().Find([Window(0, speech: false), Window(0.5, speech: false)]));

    private static WindowResult Window(double start, bool speech) =>
        new(TimeSpan.FromSeconds(start), TimeSpan.FromSeconds(start + 2), speech, new SentimentScores(0.2f, 0.6f, 0.2f), -20f);
}
