using BenchmarkDotNet.Attributes;
using EdgeSentiment.Core.Audio;
using EdgeSentiment.Core.Features;
using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Benchmarks;

/// <summary>The model alone on one window's features, int8 against fp32, one thread.</summary>
public class InferenceBenchmarks : IDisposable
{
    private readonly float[] _probabilities = new float[SentimentLabels.Count];
    private SentimentClassifier? _classifier;
    private float[] _features = [];

    [Params(BenchmarkModels.Quantized, BenchmarkModels.FullPrecision)]
    public string Precision { get; set; } = BenchmarkModels.Quantized;

    [GlobalSetup]
    public void Setup()
    {
        var settings = LogMelSettings.Default;
        var window = SyntheticSpeech.Generate(2.0, settings.SampleRate);
        var extractor = new LogMelExtractor(settings);
        _features = new float[extractor.FeatureCount(window.Length)];
        extractor.Compute(window, _features);
        _classifier = SentimentClassifier.Load(BenchmarkModels.PathOf(Precision), settings, settings.FrameCount(window.Length));
    }

    [Benchmark]
    public float Predict_OneWindow()
    {
        _classifier!.Predict(_features, _probabilities);
        return _probabilities[0];
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _classifier?.Dispose();
        _classifier = null;
        GC.SuppressFinalize(this);
    }
}
