using EdgeSentiment.Core.Evaluation;
using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Core.Tests.Evaluation;

public sealed class ConfusionMatrixTests
{
    [Fact]
    public void Figures_MatchAHandComputedExample()
    {
        // truth negative: 8 right, 2 called neutral; neutral: 3 right, 1 called positive; positive: 4 right, 2 called negative
        var m = new ConfusionMatrix();
        Add(m, SentimentLabel.Negative, SentimentLabel.Negative, 8);
        Add(m, SentimentLabel.Negative, SentimentLabel.Neutral, 2);
        Add(m, SentimentLabel.Neutral, SentimentLabel.Neutral, 3);
        Add(m, SentimentLabel.Neutral, SentimentLabel.Positive, 1);
        Add(m, SentimentLabel.Positive, SentimentLabel.Positive, 4);
        Add(m, SentimentLabel.Positive, SentimentLabel.Negative, 2);

        Assert.Equal(20, m.Total);
        Assert.Equal(15.0 / 20, m.Accuracy, 10);
        Assert.Equal((0.8 + 0.75 + (4.0 / 6)) / 3, m.UnweightedAverageRecall, 10);
        Assert.Equal(0.8, m.Precision(SentimentLabel.Negative), 10);
        Assert.Equal(0.6, m.Precision(SentimentLabel.Neutral), 10);
        Assert.Equal(10, m.Support(SentimentLabel.Negative));
        var f1Neutral = 2 * 0.6 * 0.75 / (0.6 + 0.75);
        Assert.Equal(f1Neutral, m.F1(SentimentLabel.Neutral), 10);
        Assert.Equal(2, m[SentimentLabel.Positive, SentimentLabel.Negative]);
    }

    [Fact]
    public void Uar_IgnoresLabelsAbsentFromTheData()
    {
        var m = new ConfusionMatrix();
        Add(m, SentimentLabel.Negative, SentimentLabel.Negative, 3);
        Add(m, SentimentLabel.Positive, SentimentLabel.Negative, 1);

        Assert.Equal((1.0 + 0.0) / 2, m.UnweightedAverageRecall, 10);
    }

    [Fact]
    public void AlwaysNegative_ScoresAThirdUar()
    {
        var m = new ConfusionMatrix();
        Add(m, SentimentLabel.Negative, SentimentLabel.Negative, 50);
        Add(m, SentimentLabel.Neutral, SentimentLabel.Negative, 20);
        Add(m, SentimentLabel.Positive, SentimentLabel.Negative, 30);

        Assert.Equal(1.0 / 3, m.UnweightedAverageRecall, 10);
        Assert.Equal(0.5, m.Accuracy, 10);
    }

    private static void Add(ConfusionMatrix m, SentimentLabel truth, SentimentLabel decided, int times)
    {
        for (var i = 0; i < times; i++)
        {
            m.Add(truth, decided);
        }
    }
}
