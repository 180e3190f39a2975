namespace EdgeSentiment.Cli.Bench;

/// <summary>
/// A film score made up for the auditorium bench: sustained chords that change every two beats
/// over a kick and a hi-hat, deterministic. Held chords are what the speech detector must not
/// take for speech; the beat is what comes closest.
/// </summary>
public static class SyntheticMusic
{
    private static readonly double[][] Chords =
    [
        [220.0, 277.2, 329.6],
        [196.0, 246.9, 293.7],
        [174.6, 220.0, 261.6],
        [164.8, 207.7, 246.9],
    ];

    public static float[] Generate(double seconds, int sampleRate, int seed)
    {
        var random = new Random(seed);
        var samples = new float[(int)Math.Round(seconds * sampleRate)];
        const double Beat = 0.5;
        for (var n = 0; n < samples.Length; n++)
        {
            var t = (double)n / sampleRate;
            var chord = Chords[(int)(t / (2 * Beat)) % Chords.Length];
            double tone = 0;
            foreach (var hz in chord)
            {
                tone += Math.Sin(2 * Math.PI * hz * t) + (0.3 * Math.Sin(4 * Math.PI * hz * t));
            }

            var sinceBeat = t % Beat;
            var kick = Math.Sin(2 * Math.PI * 60 * sinceBeat) * Math.Exp(-sinceBeat * 30);
            var sinceHalf = t % (Beat / 2);
            var hat = (random.NextDouble() - 0.5) * Math.Exp(-sinceHalf * 80);
            samples[n] = (float)((0.08 * tone) + (0.3 * kick) + (0.2 * hat));
        }

        return samples;
    }
}
