using EdgeSentiment.Core.Features;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Core.Segmentation;

namespace EdgeSentiment.Core.Analysis;

/// <summary>
/// One analysis window in, one <see cref="WindowResult"/> out: speech detection, log-mel and the
/// model, into buffers allocated once. The agent, <c>analyze</c> and <c>eval</c> all use it, so a
/// window gets the same result wherever it is classified. One instance serves one thread at a time.
/// </summary>
/// <remarks>
/// A window that continues the previous one by one hop (the agent's windows, and a recording's
/// regular windows) shares three quarters of its frames with it; those frames' log-mel values and
/// speech levels are carried over, not computed again. The result is bit for bit the same as for
/// the window on its own, because <see cref="WindowOverlap"/> checks the shared samples themselves.
/// The log-mel values are computed straight into the model's input, which keeps them between
/// windows: the classifier is this instance's alone once handed over.
/// </remarks>
public sealed class WindowClassifier : IDisposable
{
    private readonly SentimentClassifier _classifier;
    private readonly LogMelExtractor _extractor;
    private readonly SpeechDetector _detector;
    private readonly WindowOverlap _overlap;
    private readonly float[] _probabilities = new float[SentimentLabels.Count];
    private readonly TimeSpan _windowDuration;

    public WindowClassifier(SentimentClassifier classifier, AnalysisWindowSettings windows, SpeechDetectorSettings? speech = null)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(windows);
        _classifier = classifier;
        var settings = classifier.Contract.Features;
        _extractor = new LogMelExtractor(settings);
        SampleRate = settings.SampleRate;
        WindowSamples = windows.WindowSamples(SampleRate);
        _windowDuration = TimeSpan.FromSeconds((double)WindowSamples / SampleRate);
        _detector = new SpeechDetector(speech ?? SpeechDetectorSettings.Default, SampleRate, WindowSamples);
        _overlap = new WindowOverlap(WindowSamples, windows.HopSamples(SampleRate));
    }

    public int SampleRate { get; }

    /// <summary>Samples in one window at <see cref="SampleRate"/>.</summary>
    public int WindowSamples { get; }

    public ModelContract Model => _classifier.Contract;

    /// <summary>Loads the model at <paramref name="modelPath"/> for windows cut by <paramref name="windows"/>.</summary>
    /// <exception cref="ModelLoadException">The model is missing, corrupt, or made for other features.</exception>
    public static WindowClassifier Load(
        string modelPath,
        AnalysisWindowSettings? windows = null,
        SpeechDetectorSettings? speech = null,
        int threads = 1)
    {
        windows ??= AnalysisWindowSettings.Default;
        var features = LogMelSettings.Default;
        var frames = features.FrameCount(windows.WindowSamples(features.SampleRate));
        var classifier = SentimentClassifier.Load(modelPath, features, frames, threads);
        return new WindowClassifier(classifier, windows, speech);
    }

    /// <summary>Classifies exactly <see cref="WindowSamples"/> samples that start at <paramref name="start"/>.</summary>
    public WindowResult Classify(ReadOnlySpan<float> window, TimeSpan start)
    {
        if (window.Length != WindowSamples)
        {
            throw new ArgumentException($"a window is {WindowSamples} samples, got {window.Length}", nameof(window));
        }

        // Every window is scored, speech or not: a recording without detected speech is still
        // decided from all its windows, and the agent and analyze report the same numbers.
        var shift = _overlap.Follow(window);
        SpeechDecision speech;
        try
        {
            speech = _detector.DetectSliding(window, shift);
            _extractor.ComputeSliding(window, _classifier.Input, shift);
        }
        catch
        {
            // The carried-over frames are only good if both stages finished the previous window.
            _overlap.Forget();
            throw;
        }

        _classifier.Predict(_probabilities);
        return new WindowResult(start, start + _windowDuration, speech.IsSpeech, SentimentScores.FromSpan(_probabilities), speech.LevelDbfs);
    }

    public void Dispose() => _classifier.Dispose();
}
