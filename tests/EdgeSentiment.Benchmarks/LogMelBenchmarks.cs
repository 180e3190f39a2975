using BenchmarkDotNet.Attributes;
using EdgeSentiment.Core.Audio;
using EdgeSentiment.Core.Features;

namespace EdgeSentiment.Benchmarks;

/// <summary>Log-mel features of one 2-second analysis window, on its own and one hop after the previous one.</summary>
public class LogMelBenchmarks
{
    private const int Window = 32000;
    private const int Hop = 8000;
    private readonly LogMelExtractor _extractor = new(LogMelSettings.Default);
    private readonly float[] _window = SyntheticSpeech.Generate(2.0, LogMelSettings.Default.SampleRate);

    // 60 s of speech: the windows follow each other, except once in 113 when the loop starts over.
    private readonly float[] _speech = SyntheticSpeech.Generate(60.0, LogMelSettings.Default.SampleRate);
    private float[] _features = [];
    private int _start;

    [GlobalSetup]
    public void Setup() => _features = new float[_extractor.FeatureCount(_window.Length)];

    /// <summary>Every frame computed, as for a window that follows nothing.</summary>
    [Benchmark]
    public float LogMel_OneWindow()
    {
        _extractor.Compute(_window, _features);
        return _features[0];
    }

    /// <summary>The agent's case: 148 of the 198 frames carried over from the previous window.</summary>
    [Benchmark]
    public float LogMel_OneHopAfterThePrevious()
    {
        var shift = Hop;
        _start += Hop;
        if (_start + Window > _speech.Length)
        {
            _start = 0;
            shift = 0;
        }

        _extractor.ComputeSliding(_speech.AsSpan(_start, Window), _features, shift);
        return _features[0];
    }
}
