using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Core.Text;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Core.Tests.Text;

/// <summary>The shipped text model as the device runs it: ONNX Runtime through our own featurizer.</summary>
public sealed class ShippedTextModelTests : IDisposable
{
    private static readonly string ModelPath = Path.Combine(RepositoryPaths.Models, TextModelFiles.DefaultFileName);
    private readonly TextSentimentClassifier _classifier = TextSentimentClassifier.Load(ModelPath);

    public void Dispose() => _classifier.Dispose();

    [Fact]
    public void ShippedTextModel_GivesTheScoresOfTheTrainedModel()
    {
        TextReference.AssertMatches(RepositoryPaths.Models);
    }

    [Fact]
    public void ShippedTextModel_IsAtMostTenMegabytes()
    {
        Assert.InRange(new FileInfo(ModelPath).Length, 1, 10_000_000);
    }

    [Fact]
    public void Classify_AShortTextAfterALongOne_ScoresAsIfAlone()
    {
        const string Short = "a dull film";
        var alone = _classifier.Classify(Short);
        _classifier.Classify(string.Concat(Enumerable.Repeat("a wonderful, moving and funny film ", 60)));

        Assert.Equal(alone, _classifier.Classify(Short));
    }

    [Fact]
    public void Classify_ClearReviews_GetTheirLabel()
    {
        Assert.Equal(SentimentLabel.Positive, _classifier.Classify("A wonderful, moving film, the best this year.").Top);
        Assert.Equal(SentimentLabel.Negative, _classifier.Classify("the plot made no sense and the acting was wooden").Top);
    }

    [Fact]
    public void Classify_EmptyText_GivesProbabilitiesThatSumToOne()
    {
        var scores = _classifier.Classify("");

        Assert.InRange(scores.Negative + scores.Neutral + scores.Positive, 0.999f, 1.001f);
    }

    [Fact]
    public void Classify_AsciiText_AllocatesNothing()
    {
        SentimentScores scores = default;

        Assert.Equal(0, Allocations.FewestBytes(() => scores = _classifier.Classify("the acting wasn't any better"), calls: 20));
        Assert.NotEqual(default, scores);
    }

    [Fact]
    public void TheVoicePipeline_RefusesTheTextModel()
    {
        Assert.Throws<ModelLoadException>(() => RecordingAnalyzer.Load(ModelPath).Dispose());
    }
}
