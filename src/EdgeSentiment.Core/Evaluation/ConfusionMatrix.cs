using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Core.Evaluation;

/// <summary>Counts of true label (rows) against decided label (columns), and the figures drawn from them.</summary>
public sealed class ConfusionMatrix
{
    private readonly int[,] _counts = new int[SentimentLabels.Count, SentimentLabels.Count];

    public int Total { get; private set; }

    public int this[SentimentLabel truth, SentimentLabel decided] => _counts[(int)truth, (int)decided];

    public void Add(SentimentLabel truth, SentimentLabel decided)
    {
        _counts[(int)truth, (int)decided]++;
        Total++;
    }

    public int Support(SentimentLabel label) => RowSum((int)label);

    public double Recall(SentimentLabel label) => Ratio(_counts[(int)label, (int)label], RowSum((int)label));

    public double Precision(SentimentLabel label) => Ratio(_counts[(int)label, (int)label], ColumnSum((int)label));

    public double F1(SentimentLabel label)
    {
        var p = Precision(label);
        var r = Recall(label);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double Accuracy
    {
        get
        {
            var correct = 0;
            for (var i = 0; i < SentimentLabels.Count; i++)
            {
                correct += _counts[i, i];
            }

            return Ratio(correct, Total);
        }
    }

    /// <summary>Unweighted average recall over the labels present in the data.</summary>
    public double UnweightedAverageRecall => MeanOverPresent(Recall);

    /// <summary>Mean F1 over the labels present in the data.</summary>
    public double MacroF1 => MeanOverPresent(F1);

    private double MeanOverPresent(Func<SentimentLabel, double> figure)
    {
        double sum = 0;
        var present = 0;
        for (var i = 0; i < SentimentLabels.Count; i++)
        {
            if (RowSum(i) > 0)
            {
                sum += figure((SentimentLabel)i);
                present++;
            }
        }

        return present == 0 ? 0 : sum / present;
    }

    private int RowSum(int row)
    {
        var sum = 0;
        for (var c = 0; c < SentimentLabels.Count; c++)
        {
            sum += _counts[row, c];
        }

        return sum;
    }

    private int ColumnSum(int column)
    {
        var sum = 0;
        for (var r = 0; r < SentimentLabels.Count; r++)
        {
            sum += _counts[r, column];
        }

        return sum;
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}
