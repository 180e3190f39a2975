namespace EdgeSentiment.Device.Tests.Booth;

/// <summary>A voice-like test signal and a measure of how well a decoded copy matches it.</summary>
public static class Voice
{
    public const int Rate = 16_000;

    /// <summary>Harmonics of a 150 Hz voice under a 4 Hz syllable envelope: what a review sounds like to a codec.</summary>
    public static float[] Like(double seconds)
    {
        var samples = new float[(int)(seconds * Rate)];
        for (var i = 0; i < samples.Length; i++)
        {
            var t = (double)i / Rate;
            var envelope = 0.5 * (1 - Math.Cos(2 * Math.PI * 4 * t));
            var tone = 0.0;
            for (var harmonic = 1; harmonic <= 8; harmonic++)
            {
                tone += Math.Sin(2 * Math.PI * 150 * harmonic * t) / harmonic;
            }

            samples[i] = (float)(0.25 * envelope * tone);
        }

        return samples;
    }

    /// <summary>Normalised correlation at zero lag over the common length.</summary>
    public static double Correlation(float[] a, float[] b)
    {
        var n = Math.Min(a.Length, b.Length);
        double ab = 0, aa = 0, bb = 0;
        for (var i = 0; i < n; i++)
        {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }

        return ab / Math.Sqrt(aa * bb);
    }
}
