using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Text;

namespace EdgeSentiment.Core.Fusion;

/// <summary>The shipped text sentiment model as the fusion's words.</summary>
public sealed class TextModelWords : ITextSentiment
{
    private readonly TextSentimentClassifier _model;

    public TextModelWords(TextSentimentClassifier model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
    }

    public string Description => $"text-sentiment {_model.Version}";

    public SentimentScores Classify(ReadOnlySpan<char> text) => _model.Classify(text);

    public void Dispose() => _model.Dispose();
}
