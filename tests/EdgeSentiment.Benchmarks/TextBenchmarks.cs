using BenchmarkDotNet.Attributes;
using EdgeSentiment.Core.Text;

namespace EdgeSentiment.Benchmarks;

/// <summary>The text model on one sentence (featurizing and ONNX Runtime), and on a minute of spoken review.</summary>
public class TextBenchmarks : IDisposable
{
    // About the length of an SST sentence (19 words on average), written for this benchmark.
    private const string Sentence =
        "the plot made no sense and the acting was wooden , but the score is lovely and i did n't mind the two hours";

    private static readonly string Minute = string.Concat(Enumerable.Repeat(Sentence + " ", 7));
    private TextSentimentClassifier? _classifier;

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "models", TextModelFiles.DefaultFileName);
        _classifier = TextSentimentClassifier.Load(path);
    }

    [Benchmark]
    public float Classify_OneSentence() => _classifier!.Classify(Sentence).Positive;

    [Benchmark]
    public float Classify_AMinuteOfSpeech() => _classifier!.Classify(Minute).Positive;

    [GlobalCleanup]
    public void Dispose()
    {
        _classifier?.Dispose();
        _classifier = null;
        GC.SuppressFinalize(this);
    }
}
