namespace EdgeSentiment.Core.Tests.Audio;

/// <summary>Test signals and the measurements the audio tests make on them.</summary>
internal static class Signals
{
    public static float[] Sine(double frequency, int sampleRate, int length, double amplitude = 0.5, double phase = 0)
    {
        float[] samples = new float[length];
        for (int n = 0; n < length; n++)
        {
            samples[n] = (float)(amplitude * Math.Sin((2 * Math.PI * frequency * n / sampleRate) + phase));
        }

        return samples;
    }

    public static float[] Noise(int length, int seed)
    {
        var random = new Random(seed);
        float[] samples = new float[length];
        for (int n = 0; n < length; n++)
        {
            samples[n] = (float)((random.NextDouble() * 2) - 1);
        }

        return samples;
    }

    public static float[] Interleave(params float[][] channels)
    {
        int frames = channels[0].Length;
        float[] interleaved = new float[frames * channels.Length];
        for (int n = 0; n < frames; n++)
        {
            for (int c = 0; c < channels.Length; c++)
            {
                interleaved[(n * channels.Length) + c] = channels[c][n];
            }
        }

        return interleaved;
    }

    public static double Rms(ReadOnlySpan<float> samples)
    {
        double sum = 0;
        foreach (float s in samples)
        {
            sum += (double)s * s;
        }

        return Math.Sqrt(sum / samples.Length);
    }

    /// <summary>Amplitude of the component at <paramref name="frequency"/> (a single DFT bin, any frequency).</summary>
    public static double ToneAmplitude(ReadOnlySpan<float> samples, double frequency, int sampleRate)
    {
        double re = 0;
        double im = 0;
        for (int n = 0; n < samples.Length; n++)
        {
            double w = 2 * Math.PI * frequency * n / sampleRate;
            re += samples[n] * Math.Cos(w);
            im += samples[n] * Math.Sin(w);
        }

        return 2 * Math.Sqrt((re * re) + (im * im)) / samples.Length;
    }

    public static int ZeroCrossings(ReadOnlySpan<float> samples)
    {
        int crossings = 0;
        for (int n = 1; n < samples.Length; n++)
        {
            if ((samples[n - 1] < 0) != (samples[n] < 0))
            {
                crossings++;
            }
        }

        return crossings;
    }

    public static double Db(double ratio) => 20 * Math.Log10(ratio);
}
