using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Fusion;

namespace EdgeSentiment.Device.Tests.Fakes;

/// <summary>A text model that gives every text the same scores.</summary>
internal sealed class FixedTextSentiment(SentimentScores scores) : ITextSentiment
{
    public string Description => "fixed text scores";

    public SentimentScores Classify(ReadOnlySpan<char> text) => scores;

    public void Dispose()
    {
    }
}
