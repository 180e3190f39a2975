using EdgeSentiment.Core.Audio;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Core.Segmentation;

namespace EdgeSentiment.Core.Analysis;

/// <summary>Analyzes a finished recording: cuts it into windows, classifies each, and decides the whole.</summary>
public sealed class RecordingAnalyzer : IDisposable
{
    private readonly WindowClassifier _windows;
    private readonly AnalysisWindowSettings _settings;
    private readonly float[] _window;

    public RecordingAnalyzer(WindowClassifier windows, AnalysisWindowSettings settings)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(settings);
        _windows = windows;
        _settings = settings;
        _window = new float[windows.WindowSamples];
    }

    public int SampleRate => _windows.SampleRate;

    public ModelContract Model => _windows.Model;

    /// <exception cref="ModelLoadException">The model is missing, corrupt, or made for other features.</exception>
    public static RecordingAnalyzer Load(string modelPath, AnalysisWindowSettings? settings = null, SpeechDetectorSettings? speech = null)
    {
        settings ??= AnalysisWindowSettings.Default;
        return new RecordingAnalyzer(WindowClassifier.Load(modelPath, settings, speech), settings);
    }

    public RecordingResult Analyze(PcmAudio audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        CheckRate(audio.SampleRate);
        var cutter = new RecordingWindowCutter(_settings, SampleRate);
        var results = new List<WindowResult>();
        ReadOnlySpan<float> rest = audio.Samples;
        while (!rest.IsEmpty)
        {
            rest = rest[cutter.Write(rest)..];
            ClassifyReady(cutter, results);
        }

        return Finish(cutter, results);
    }

    /// <summary>Analyzes a recording as it is read: memory stays that of one block and one window, whatever its length.</summary>
    /// <param name="audio">The recording, at <see cref="SampleRate"/>.</param>
    /// <param name="progress">Told the samples analyzed so far after every block.</param>
    /// <exception cref="AudioFormatException">The recording turns out truncated or damaged part way through.</exception>
    public RecordingResult Analyze(RecordingReader audio, IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(audio);
        CheckRate(audio.SampleRate);
        var cutter = new RecordingWindowCutter(_settings, SampleRate);
        var results = new List<WindowResult>();
        for (var block = audio.ReadBlock(); !block.IsEmpty; block = audio.ReadBlock())
        {
            while (!block.IsEmpty)
            {
                block = block[cutter.Write(block)..];
                ClassifyReady(cutter, results);
            }

            progress?.Report(cutter.SampleCount);
        }

        return Finish(cutter, results);
    }

    public void Dispose() => _windows.Dispose();

    private void ClassifyReady(RecordingWindowCutter cutter, List<WindowResult> results)
    {
        while (cutter.TryTake(_window, out var start))
        {
            results.Add(_windows.Classify(_window, start));
        }
    }

    private RecordingResult Finish(RecordingWindowCutter cutter, List<WindowResult> results)
    {
        if (cutter.TryTakeLast(_window, out var start))
        {
            results.Add(_windows.Classify(_window, start));
        }

        return new RecordingResult((double)cutter.SampleCount / SampleRate, results, RecordingVerdict.Decide(results));
    }

    private void CheckRate(int sampleRate)
    {
        if (sampleRate != SampleRate)
        {
            throw new ArgumentException($"audio must be at {SampleRate} Hz, got {sampleRate} Hz", nameof(sampleRate));
        }
    }
}
