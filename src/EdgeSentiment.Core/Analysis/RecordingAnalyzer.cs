using EdgeSentiment.Core.Audio;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Core.Segmentation;

namespace EdgeSentiment.Core.Analysis;

/// <summary>Analyzes a finished recording: cuts it into windows, classifies each, and decides the whole.</summary>
public sealed class RecordingAnalyzer : IDisposable
{
    private readonly WindowClassifier _windows;
    private readonly AnalysisWindowSettings _settings;
    private readonly float[] _padded;

    public RecordingAnalyzer(WindowClassifier windows, AnalysisWindowSettings settings)
    {
        ArgumentNullException.ThrowIfNull(windows);
        _windows = windows;
        _settings = settings;
        _padded = new float[windows.WindowSamples];
    }

    public int SampleRate => _windows.SampleRate;

    public ModelContract Model => _windows.Model;

    /// <exception cref="ModelLoadException">The model is missing, corrupt, or made for other features.</exception>
    public static RecordingAnalyzer Load(string modelPath, AnalysisWindowSettings? settings = null)
    {
        settings ??= AnalysisWindowSettings.Default;
        return new RecordingAnalyzer(WindowClassifier.Load(modelPath, settings), settings);
    }

    public RecordingResult Analyze(PcmAudio audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        if (audio.SampleRate != SampleRate)
        {
            throw new ArgumentException($"audio must be at {SampleRate} Hz, got {audio.SampleRate} Hz", nameof(audio));
        }

        var samples = audio.Samples;
        var length = _windows.WindowSamples;
        var hop = _settings.HopSamples(SampleRate);
        var results = new List<WindowResult>();
        if (samples.Length > 0 && samples.Length < length)
        {
            Array.Clear(_padded);
            samples.CopyTo(_padded, 0);
            results.Add(_windows.Classify(_padded, TimeSpan.Zero));
        }
        else if (samples.Length >= length)
        {
            var start = 0;
            for (; start + length <= samples.Length; start += hop)
            {
                results.Add(_windows.Classify(samples.AsSpan(start, length), At(start)));
            }

            if (start - hop + length < samples.Length)
            {
                var last = samples.Length - length;
                results.Add(_windows.Classify(samples.AsSpan(last, length), At(last)));
            }
        }

        return new RecordingResult(audio.DurationSeconds, results, RecordingVerdict.Decide(results));
    }

    public void Dispose() => _windows.Dispose();

    private TimeSpan At(int sample) => TimeSpan.FromSeconds((double)sample / SampleRate);
}
