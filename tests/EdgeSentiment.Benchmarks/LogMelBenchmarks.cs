using BenchmarkDotNet.Attributes;
using EdgeSentiment.Cli.Bench;
using EdgeSentiment.Core.Features;

namespace EdgeSentiment.Benchmarks;

/// <summary>Log-mel features of one 2-second analysis window.</summary>
public class LogMelBenchmarks
{
    private readonly LogMelExtractor _extractor = new(LogMelSettings.Default);
    private readonly float[] _window = SyntheticSpeech.Generate(2.0, LogMelSettings.Default.SampleRate);
    private float[] _features = [];

    [GlobalSetup]
    public void Setup() => _features = new float[_extractor.FeatureCount(_window.Length)];

    [Benchmark]
    public float LogMel_OneWindow()
    {
        _extractor.Compute(_window, _features);
        return _features[0];
    }
}
