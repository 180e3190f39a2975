using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Core.Analysis;

/// <summary>What one analysis window held: speech or not, the model's scores, the audio level.</summary>
public readonly record struct WindowResult(
    TimeSpan Start,
    TimeSpan End,
    bool IsSpeech,
    SentimentScores Scores,
    float LevelDbfs)
{
    /// <summary>The window's sentiment; none when nobody spoke in it.</summary>
    public SentimentLabel? Label => IsSpeech ? Scores.Top : null;
}
