using BenchmarkDotNet.Attributes;
using EdgeSentiment.Cli.Bench;
using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Core.Mood;

namespace EdgeSentiment.Benchmarks;

/// <summary>
/// One window through the whole path the agent runs per hop: speech detection, log-mel, model,
/// mood. The figure to compare with the PyTorch reference (scripts/bench).
/// </summary>
public class WindowPathBenchmarks : IDisposable
{
    private readonly float[] _probabilities = new float[SentimentLabels.Count];
    private WindowClassifier? _classifier;
    private MoodSmoother? _mood;
    private float[] _window = [];

    [Params(BenchmarkModels.Quantized, BenchmarkModels.FullPrecision)]
    public string Precision { get; set; } = BenchmarkModels.Quantized;

    [GlobalSetup]
    public void Setup()
    {
        _classifier = WindowClassifier.Load(BenchmarkModels.PathOf(Precision));
        _mood = new MoodSmoother(MoodSmootherSettings.Default);
        _window = SyntheticSpeech.Generate((double)_classifier.WindowSamples / _classifier.SampleRate, _classifier.SampleRate);
    }

    [Benchmark]
    public AudienceMood Window_DetectFeaturesModelMood()
    {
        var result = _classifier!.Classify(_window, TimeSpan.Zero);
        _probabilities[0] = result.Scores.Negative;
        _probabilities[1] = result.Scores.Neutral;
        _probabilities[2] = result.Scores.Positive;
        return _mood!.Update(result.IsSpeech, _probabilities);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _classifier?.Dispose();
        _classifier = null;
        GC.SuppressFinalize(this);
    }
}
