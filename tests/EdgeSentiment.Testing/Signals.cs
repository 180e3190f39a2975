namespace EdgeSentiment.Testing;

/// <summary>Synthetic test signals at 16 kHz unless told otherwise; seeded, so every run sees the same samples.</summary>
public static class Signals
{
    public const int Rate = 16000;

    public static float[] Sine(double frequency, double seconds, double amplitude = 0.5, int rate = Rate)
    {
        var samples = new float[(int)(seconds * rate)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)(amplitude * Math.Sin(2 * Math.PI * frequency * i / rate));
        }

        return samples;
    }

    /// <summary>A sine that sounds for <paramref name="onSeconds"/> and pauses for as long, again and again: loud like a voice, with a voice's pauses.</summary>
    public static float[] Bursts(double frequency, double seconds, double onSeconds, double amplitude = 0.5, int rate = Rate)
    {
        var samples = Sine(frequency, seconds, amplitude, rate);
        var period = (int)(2 * onSeconds * rate);
        for (var i = 0; i < samples.Length; i++)
        {
            if (i % period >= period / 2)
            {
                samples[i] = 0;
            }
        }

        return samples;
    }

    /// <summary>Gaussian white noise with the given RMS.</summary>
    public static float[] Noise(double seconds, double rms, int seed = 1, int rate = Rate)
    {
        var random = new Random(seed);
        var samples = new float[(int)(seconds * rate)];
        for (var i = 0; i < samples.Length; i++)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            samples[i] = (float)(rms * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }

        return samples;
    }

    public static double Rms(ReadOnlySpan<float> samples)
    {
        double sum = 0;
        foreach (var s in samples)
        {
            sum += (double)s * s;
        }

        return Math.Sqrt(sum / Math.Max(1, samples.Length));
    }

    /// <summary><paramref name="signal"/> plus <paramref name="noise"/> scaled to <paramref name="snrDb"/> below it.</summary>
    public static float[] Mix(ReadOnlySpan<float> signal, ReadOnlySpan<float> noise, double snrDb)
    {
        var gain = Rms(signal) / Rms(noise) / Math.Pow(10, snrDb / 20);
        var mixed = new float[signal.Length];
        for (var i = 0; i < mixed.Length; i++)
        {
            mixed[i] = signal[i] + (float)(gain * noise[i % noise.Length]);
        }

        return mixed;
    }
}
