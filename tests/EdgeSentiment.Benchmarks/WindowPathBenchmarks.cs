using BenchmarkDotNet.Attributes;
using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Audio;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Core.Mood;

namespace EdgeSentiment.Benchmarks;

/// <summary>
/// One window through the whole path the agent runs per hop: speech detection, log-mel, model,
/// mood; on its own (every frame computed) and one hop after the previous window (the agent's
/// case, three quarters of the frames carried over). Compare with the PyTorch reference (scripts/bench).
/// </summary>
public class WindowPathBenchmarks : IDisposable
{
    private readonly float[] _probabilities = new float[SentimentLabels.Count];
    private WindowClassifier? _classifier;
    private MoodSmoother? _mood;
    private float[] _window = [];
    private float[] _speech = [];
    private int _start;

    [Params(BenchmarkModels.Quantized, BenchmarkModels.FullPrecision)]
    public string Precision { get; set; } = BenchmarkModels.Quantized;

    [GlobalSetup]
    public void Setup()
    {
        _classifier = WindowClassifier.Load(BenchmarkModels.PathOf(Precision));
        _mood = new MoodSmoother(MoodSmootherSettings.Default);
        _window = SyntheticSpeech.Generate((double)_classifier.WindowSamples / _classifier.SampleRate, _classifier.SampleRate);

        // The windows follow each other, except once in 113 when the loop starts over.
        _speech = SyntheticSpeech.Generate(60.0, _classifier.SampleRate);
    }

    /// <summary>The same window again and again: it never continues the previous one, so every frame is computed.</summary>
    [Benchmark]
    public AudienceMood Window_DetectFeaturesModelMood() => Classify(_window);

    /// <summary>The agent's case: three quarters of the frames carried over from the previous window.</summary>
    [Benchmark]
    public AudienceMood Window_OneHopAfterThePrevious()
    {
        _start += _classifier!.SampleRate / 2;
        if (_start + _classifier.WindowSamples > _speech.Length)
        {
            _start = 0;
        }

        return Classify(_speech.AsSpan(_start, _classifier.WindowSamples));
    }

    private AudienceMood Classify(ReadOnlySpan<float> window)
    {
        var result = _classifier!.Classify(window, TimeSpan.Zero);
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
