namespace EdgeSentiment.Core.Segmentation;

/// <summary>
/// Tells the film's dialogue from the audience's speech in a window that passed the speech
/// detector, given what the echo canceller left (the residual) and what it took away (its
/// estimate of the film at the microphone). Even a good canceller leaves some of the film; where
/// the film speaks and the residual's level rises and falls with it, the residual is the film's.
/// </summary>
/// <remarks>
/// Both envelopes are frame levels in dB, so the comparison does not depend on how loud the leak
/// is, only on whether it moves with the film. Buffers are allocated in the constructor;
/// <see cref="Decide"/> allocates nothing. One instance serves one thread at a time.
/// </remarks>
public sealed class FilmGate
{
    private readonly FilmGateSettings _settings;
    private readonly SpeechDetector _filmSpeech;
    private readonly int _frameSamples;
    private readonly float[] _residual;
    private readonly float[] _removed;

    public FilmGate(FilmGateSettings settings, SpeechDetectorSettings speech, int sampleRate, int windowSamples)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(speech);
        settings.Validate();
        _settings = settings;
        _filmSpeech = new SpeechDetector(speech, sampleRate, windowSamples);
        WindowSamples = windowSamples;
        _frameSamples = Math.Max(1, (int)Math.Round(settings.FrameSeconds * sampleRate));
        var frames = windowSamples / _frameSamples;
        _residual = new float[frames];
        _removed = new float[frames];
    }

    public int WindowSamples { get; }

    /// <summary>Judges one window of the residual and the matching window of what was removed.</summary>
    public FilmDecision Decide(ReadOnlySpan<float> residual, ReadOnlySpan<float> removed)
    {
        if (residual.Length != WindowSamples || removed.Length != WindowSamples)
        {
            throw new ArgumentException($"a window is {WindowSamples} samples, got {residual.Length} and {removed.Length}.", nameof(residual));
        }

        var film = _filmSpeech.Detect(removed);
        var residualPower = Envelope(residual, _residual);
        var removedPower = Envelope(removed, _removed);
        var echoToResidualDb = 10 * Math.Log10(Math.Max(removedPower, 1e-12) / Math.Max(residualPower, 1e-12));
        var filmSpeaks = film.IsSpeech && echoToResidualDb >= _settings.MinEchoToResidualDb;
        var correlation = Correlation(_residual, _removed);
        return new FilmDecision(filmSpeaks, correlation, filmSpeaks && correlation >= _settings.MinEnvelopeCorrelation);
    }

    /// <summary>Writes the frame levels in dB and returns the mean power of the frames.</summary>
    private double Envelope(ReadOnlySpan<float> samples, Span<float> levels)
    {
        double total = 0;
        for (var f = 0; f < levels.Length; f++)
        {
            double sum = 0;
            foreach (var sample in samples.Slice(f * _frameSamples, _frameSamples))
            {
                sum += (double)sample * sample;
            }

            total += sum;

            // A floor far below any microphone's noise, so digital silence does not dominate.
            levels[f] = (float)(10 * Math.Log10(Math.Max(sum / _frameSamples, 1e-10)));
        }

        return total / Math.Max(1, levels.Length * _frameSamples);
    }

    private static float Correlation(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double meanA = 0, meanB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            meanA += a[i];
            meanB += b[i];
        }

        meanA /= a.Length;
        meanB /= b.Length;
        double ab = 0, aa = 0, bb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var x = a[i] - meanA;
            var y = b[i] - meanB;
            ab += x * y;
            aa += x * x;
            bb += y * y;
        }

        return aa <= 0 || bb <= 0 ? 0f : (float)(ab / Math.Sqrt(aa * bb));
    }
}
