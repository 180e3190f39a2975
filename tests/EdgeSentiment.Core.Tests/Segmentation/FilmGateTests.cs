using EdgeSentiment.Core.Segmentation;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Core.Tests.Segmentation;

public sealed class FilmGateTests
{
    private const int Window = Signals.Rate * 2;
    private readonly FilmGate _gate = new(FilmGateSettings.Default, SpeechDetectorSettings.Default, Signals.Rate, Window);

    [Fact]
    public void Decide_ResidualIsAQuietCopyOfTheFilm_IsFilm()
    {
        var film = Syllables(4.0, phase: 0, seed: 1);
        var leak = Scaled(film, 0.05f);
        Add(leak, Signals.Noise(2, 0.0005, seed: 9));

        var decision = _gate.Decide(leak, film);

        Assert.True(decision.FilmSpeaks);
        Assert.True(decision.IsFilm, $"correlation {decision.EnvelopeCorrelation:F2}");
    }

    [Fact]
    public void Decide_AVoiceOverALeakOfTheFilm_IsTheAudience()
    {
        var film = Syllables(4.0, phase: 0, seed: 1);
        var residual = Syllables(3.1, phase: 1.7, seed: 2);
        Add(residual, Scaled(film, 0.05f));

        var decision = _gate.Decide(residual, film);

        Assert.True(decision.FilmSpeaks);
        Assert.False(decision.IsFilm, $"correlation {decision.EnvelopeCorrelation:F2}");
    }

    [Fact]
    public void Decide_TheFilmIsSilent_IsTheAudience()
    {
        var residual = Syllables(4.0, phase: 0, seed: 2);

        var decision = _gate.Decide(residual, new float[Window]);

        Assert.False(decision.FilmSpeaks);
        Assert.False(decision.IsFilm);
    }

    [Fact]
    public void Decide_WhatWasRemovedIsAFaintCopyOfTheVoice_IsTheAudience()
    {
        // The canceller's input filters leave a copy of the voice in what it reports as removed,
        // far under the voice, even when the film is silent: it follows the residual perfectly.
        var voice = Syllables(4.0, phase: 0, seed: 2);
        var copy = Scaled(voice, 0.1f);

        var decision = _gate.Decide(voice, copy);

        Assert.False(decision.FilmSpeaks);
        Assert.False(decision.IsFilm, $"correlation {decision.EnvelopeCorrelation:F2}");
    }

    [Fact]
    public void Decide_AllocatesNothing()
    {
        var film = Syllables(4.0, phase: 0, seed: 1);
        var residual = Scaled(film, 0.1f);

        Assert.Equal(0, Allocations.FewestBytes(() => _gate.Decide(residual, film), calls: 5));
    }

    /// <summary>Noise whose loudness rises and falls like syllables at <paramref name="hz"/>, with pauses.</summary>
    private static float[] Syllables(double hz, double phase, int seed)
    {
        var samples = Signals.Noise(2, 0.1, seed);
        for (var i = 0; i < samples.Length; i++)
        {
            var t = (double)i / Signals.Rate;
            var envelope = 0.5 - (0.5 * Math.Cos((2 * Math.PI * hz * t) + phase));
            samples[i] *= (float)(envelope * envelope);
        }

        return samples;
    }

    private static float[] Scaled(float[] samples, float gain)
    {
        var scaled = new float[samples.Length];
        for (var i = 0; i < samples.Length; i++)
        {
            scaled[i] = samples[i] * gain;
        }

        return scaled;
    }

    private static void Add(float[] to, float[] what)
    {
        for (var i = 0; i < to.Length; i++)
        {
            to[i] += what[i];
        }
    }
}
