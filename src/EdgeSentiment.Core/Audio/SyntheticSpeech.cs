namespace EdgeSentiment.Core.Audio;

/// <summary>
/// Deterministic speech-like audio for benchmarks: a voiced harmonic series with a gliding pitch,
/// syllables at about 4 Hz, pauses between phrases and a little noise. It passes the speech
/// detector like real speech does, so every stage of the window path does its full work.
/// </summary>
public static class SyntheticSpeech
{
    private const double SyllableHz = 4.0;
    private const double PhraseSeconds = 2.4;
    private const double PauseSeconds = 0.5;
    private const int Harmonics = 24;

    /// <summary>A new buffer of <paramref name="seconds"/> seconds at <paramref name="sampleRate"/>; the same samples on every call.</summary>
    public static float[] Generate(double seconds, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        var samples = new float[(int)Math.Round(seconds * sampleRate)];
        var phase = 0.0;
        var noise = 0x9E3779B9u;
        for (var n = 0; n < samples.Length; n++)
        {
            var t = (double)n / sampleRate;
            var pitch = 150 + (40 * Math.Sin(2 * Math.PI * 0.7 * t)) + (15 * Math.Sin(2 * Math.PI * 3.1 * t));
            phase += 2 * Math.PI * pitch / sampleRate;
            double voiced = 0;
            for (var k = 1; k <= Harmonics && k * pitch < sampleRate / 2.0; k++)
            {
                voiced += Math.Sin(k * phase) / k;
            }

            var inPhrase = t % PhraseSeconds < PhraseSeconds - PauseSeconds;
            var syllable = 0.5 - (0.5 * Math.Cos(2 * Math.PI * SyllableHz * t));
            var envelope = inPhrase ? syllable * syllable : 0;

            // xorshift32: cheap, deterministic, and the same on every platform.
            noise ^= noise << 13;
            noise ^= noise >> 17;
            noise ^= noise << 5;
            var white = (noise / (double)uint.MaxValue) - 0.5;

            samples[n] = (float)((0.15 * envelope * voiced) + (0.002 * white));
        }

        return samples;
    }
}
