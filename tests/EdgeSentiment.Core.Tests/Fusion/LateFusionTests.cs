using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Fusion;
using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Core.Tests.Fusion;

public sealed class LateFusionTests
{
    private static readonly SentimentScores CalmVoice = new(0.2f, 0.6f, 0.2f);
    private static readonly SentimentScores DamningWords = new(0.9f, 0.05f, 0.05f);

    [Fact]
    public void Fuse_ConfidentWordsOfALongEnoughTranscript_TurnACalmVoiceNegative()
    {
        var fusion = new LateFusion(new FusionSettings { VoiceWeight = 0.4f, MinWords = 4, MinTextConfidence = 0.6f, MinTranscriptConfidence = 0.1f });

        var verdict = fusion.Fuse(CalmVoice, new WordsEvidence(DamningWords, WordCount: 9, TranscriptConfidence: 0.4f));

        Assert.True(verdict.WordsUsed);
        Assert.Equal(SentimentLabel.Negative, verdict.Label);
        Assert.Equal((0.4f * 0.2f) + (0.6f * 0.9f), verdict.Scores.Negative, 5);
    }

    [Theory]
    [InlineData(3, 0.9f, 0.4f)] // too few words
    [InlineData(9, 0.5f, 0.4f)] // the text model is unsure
    [InlineData(9, 0.9f, 0.05f)] // the recogniser is unsure
    public void Fuse_GateShut_TheVoiceDecidesAlone(int words, float textTop, float transcriptConfidence)
    {
        var fusion = new LateFusion(new FusionSettings { MinWords = 4, MinTextConfidence = 0.6f, MinTranscriptConfidence = 0.1f });
        var rest = (1f - textTop) / 2;

        var verdict = fusion.Fuse(CalmVoice, new WordsEvidence(new SentimentScores(textTop, rest, rest), words, transcriptConfidence));

        Assert.False(verdict.WordsUsed);
        Assert.Equal(CalmVoice, verdict.Scores);
        Assert.Equal(SentimentLabel.Neutral, verdict.Label);
    }

    [Fact]
    public void Fuse_NoWords_IsTheVoice() =>
        Assert.Equal(CalmVoice, new LateFusion().Fuse(CalmVoice, words: null).Scores);

    [Fact]
    public void New_VoiceWeightOutsideZeroToOne_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new LateFusion(new FusionSettings { VoiceWeight = 1.5f }));
}
