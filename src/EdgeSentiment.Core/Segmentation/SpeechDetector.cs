namespace EdgeSentiment.Core.Segmentation;

/// <summary>
/// Decides per analysis window whether someone is speaking, so that silence, steady noise, tones
/// and held music are reported as no speech instead of being classified.
/// </summary>
/// <remarks>
/// Three checks on the 10 ms frame-level envelope, in order: the window's RMS level; the fraction
/// of frames more than a margin above the window's own noise floor (speech has pauses and
/// syllables, steady sounds do not); and the depth of the envelope's modulation at the syllable
/// rate, 2–8 Hz. Buffers are allocated in the constructor; <see cref="Detect"/> allocates nothing.
/// One instance serves one thread at a time.
/// </remarks>
public sealed class SpeechDetector
{
    private readonly SpeechDetectorSettings _settings;
    private readonly int _frameSamples;
    private readonly int _hopSamples;
    private readonly int _frames;
    private readonly float[] _levels;
    private readonly float[] _sorted;

    // DFT basis of the envelope at the bins inside the syllabic band: [bin][frame].
    private readonly float[] _cos;
    private readonly float[] _sin;
    private readonly int _bins;

    public SpeechDetector(SpeechDetectorSettings settings, int sampleRate, int windowSamples)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        _settings = settings;
        WindowSamples = windowSamples;
        _frameSamples = (int)Math.Round(settings.FrameSeconds * sampleRate);
        _hopSamples = (int)Math.Round(settings.FrameHopSeconds * sampleRate);
        if (_frameSamples <= 0 || _hopSamples <= 0 || windowSamples < _frameSamples)
        {
            throw new ArgumentException(
                $"need 0 < frame ({settings.FrameSeconds} s) <= window ({windowSamples} samples) and a positive frame hop.", nameof(settings));
        }

        _frames = 1 + ((windowSamples - _frameSamples) / _hopSamples);
        _levels = new float[_frames];
        _sorted = new float[_frames];

        var frameRate = (double)sampleRate / _hopSamples;
        var firstBin = (int)Math.Ceiling(settings.SyllabicMinHz * _frames / frameRate);
        var lastBin = Math.Min(_frames / 2, (int)Math.Floor(settings.SyllabicMaxHz * _frames / frameRate));
        _bins = Math.Max(0, lastBin - firstBin + 1);
        _cos = new float[_bins * _frames];
        _sin = new float[_bins * _frames];
        for (var b = 0; b < _bins; b++)
        {
            for (var n = 0; n < _frames; n++)
            {
                var phase = 2 * Math.PI * (firstBin + b) * n / _frames;
                _cos[(b * _frames) + n] = (float)Math.Cos(phase);
                _sin[(b * _frames) + n] = (float)Math.Sin(phase);
            }
        }
    }

    /// <summary>Samples of the windows this detector judges.</summary>
    public int WindowSamples { get; }

    public SpeechDecision Detect(ReadOnlySpan<float> window) => DetectSliding(window, 0);

    /// <summary>
    /// The same decision as <see cref="Detect"/>, for a <paramref name="window"/> that continues the
    /// window of the previous call by <paramref name="shiftSamples"/> (its sample i is sample
    /// i + <paramref name="shiftSamples"/> there): when the shift is a whole number of frame hops,
    /// the frame levels both windows share are carried over instead of computed again. A shift of
    /// 0 computes every frame. The caller vouches that the window continues, e.g. with <see cref="WindowOverlap"/>.
    /// </summary>
    public SpeechDecision DetectSliding(ReadOnlySpan<float> window, int shiftSamples)
    {
        if (window.Length != WindowSamples)
        {
            throw new ArgumentException($"a window is {WindowSamples} samples, got {window.Length}.", nameof(window));
        }

        var level = (float)Decibels(MeanSquare(window));
        var floorDb = (float)_settings.FrameFloorDbfs;
        var first = 0;
        if (shiftSamples > 0 && shiftSamples % _hopSamples == 0 && shiftSamples / _hopSamples < _frames)
        {
            var shift = shiftSamples / _hopSamples;
            first = _frames - shift;
            _levels.AsSpan(shift, first).CopyTo(_levels);
        }

        for (var f = first; f < _frames; f++)
        {
            _levels[f] = Math.Max((float)Decibels(MeanSquare(window.Slice(f * _hopSamples, _frameSamples))), floorDb);
        }

        // Summed in frame order after the fact, so a carried-over level adds up exactly as a computed one.
        double levelSum = 0;
        foreach (var db in _levels)
        {
            levelSum += db;
        }

        _levels.CopyTo(_sorted, 0);
        _sorted.AsSpan().Sort();
        var noiseFloor = _sorted[(int)Math.Min(_frames - 1, Math.Floor(_settings.NoiseFloorQuantile * _frames))];
        var threshold = Math.Max(noiseFloor + _settings.ActiveMarginDb, _settings.MinActiveFrameDbfs);
        var active = 0;
        foreach (var db in _levels)
        {
            if (db > threshold)
            {
                active++;
            }
        }

        var activeRatio = (float)active / _frames;
        var depth = SyllabicDepth((float)(levelSum / _frames));

        var failed = level < _settings.MinLevelDbfs ? SpeechCheck.Level
            : activeRatio < _settings.MinActiveRatio ? SpeechCheck.Activity
            : depth < _settings.MinSyllabicDepthDb ? SpeechCheck.Modulation
            : SpeechCheck.Passed;
        return new SpeechDecision(level, noiseFloor, activeRatio, depth, failed);
    }

    // RMS of the mean-free envelope's components in the syllabic band, by Parseval on the
    // one-sided DFT: sqrt(2 * sum |X_k|^2) / N.
    private float SyllabicDepth(float mean)
    {
        double power = 0;
        for (var b = 0; b < _bins; b++)
        {
            var cos = _cos.AsSpan(b * _frames, _frames);
            var sin = _sin.AsSpan(b * _frames, _frames);
            double re = 0, im = 0;
            for (var n = 0; n < _frames; n++)
            {
                var x = _levels[n] - mean;
                re += x * cos[n];
                im -= x * sin[n];
            }

            power += (re * re) + (im * im);
        }

        return (float)(Math.Sqrt(2 * power) / _frames);
    }

    private static double MeanSquare(ReadOnlySpan<float> samples)
    {
        double sum = 0;
        foreach (var s in samples)
        {
            sum += (double)s * s;
        }

        return sum / samples.Length;
    }

    private static double Decibels(double meanSquare) => 10 * Math.Log10(Math.Max(meanSquare, 1e-12));
}
