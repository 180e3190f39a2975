using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Core.Tests.Analysis;

public sealed class RecordingVerdictTests
{
    [Fact]
    public void Decide_AveragesOnlySpeechWindows()
    {
        var windows = new[]
        {
            Window(speech: true, 0.7f, 0.2f, 0.1f),
            Window(speech: false, 0.0f, 0.0f, 1.0f),
            Window(speech: true, 0.5f, 0.4f, 0.1f),
        };

        var verdict = RecordingVerdict.Decide(windows)!;

        Assert.Equal(SentimentLabel.Negative, verdict.Label);
        Assert.Equal(0.6f, verdict.Scores.Negative, 5);
        Assert.Equal(2, verdict.SpeechWindows);
        Assert.Equal(VerdictBasis.SpeechWindows, verdict.Basis);
    }

    [Fact]
    public void Decide_NoSpeech_IsNoSpeechWithoutALabel()
    {
        var windows = new[] { Window(speech: false, 0.1f, 0.3f, 0.6f), Window(speech: false, 0.1f, 0.5f, 0.4f) };

        var verdict = RecordingVerdict.Decide(windows)!;

        Assert.Null(verdict.Label);
        Assert.Equal(0, verdict.SpeechWindows);
        Assert.Equal(VerdictBasis.NoSpeech, verdict.Basis);
    }

    [Fact]
    public void Decide_NoWindows_IsNull() => Assert.Null(RecordingVerdict.Decide([]));

    [Fact]
    public void WindowLabel_IsNoneWithoutSpeech()
    {
        Assert.Null(Window(speech: false, 1, 0, 0).Label);
        Assert.Equal(SentimentLabel.Neutral, Window(speech: true, 0.2f, 0.5f, 0.3f).Label);
    }

    private static WindowResult Window(bool speech, float negative, float neutral, float positive) =>
        new(TimeSpan.Zero, TimeSpan.FromSeconds(2), speech, new SentimentScores(negative, neutral, positive), -20f);
}
