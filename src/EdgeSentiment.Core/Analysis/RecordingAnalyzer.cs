using EdgeSentiment.Core.Audio;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Core.Segmentation;

namespace EdgeSentiment.Core.Analysis;

/// <summary>Analyzes a finished recording: cuts it into windows, classifies each, and decides the whole.</summary>
public sealed class RecordingAnalyzer : IDisposable
{
    private readonly WindowClassifier _windows;
    private readonly WindowPlanner _planner;
    private readonly float[] _window;

    public RecordingAnalyzer(WindowClassifier windows, AnalysisWindowSettings settings)
    {
        ArgumentNullException.ThrowIfNull(windows);
        _windows = windows;
        _planner = new WindowPlanner(settings, windows.SampleRate);
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
        if (audio.SampleRate != SampleRate)
        {
            throw new ArgumentException($"audio must be at {SampleRate} Hz, got {audio.SampleRate} Hz", nameof(audio));
        }

        var plan = _planner.Plan(audio.Samples.Length);
        var results = new List<WindowResult>(plan.Count);
        foreach (var window in plan)
        {
            _planner.Fill(audio.Samples, window, _window);
            results.Add(_windows.Classify(_window, _planner.StartTime(window)));
        }

        return new RecordingResult(audio.DurationSeconds, results, RecordingVerdict.Decide(results));
    }

    public void Dispose() => _windows.Dispose();
}
