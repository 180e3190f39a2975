using EdgeSentiment.Core.Analysis;

namespace EdgeSentiment.Core.Fusion;

/// <summary>A text sentiment model as fusion needs it: words in, the three probabilities out.</summary>
public interface ITextSentiment : IDisposable
{
    /// <summary>What the model is, for reports.</summary>
    string Description { get; }

    SentimentScores Classify(ReadOnlySpan<char> text);
}
