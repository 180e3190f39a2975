namespace EdgeSentiment.Cli.Doctor;

/// <summary>The level of a stretch of input: RMS and peak in dBFS, over how many seconds.</summary>
public sealed record AudioLevel(double RmsDbfs, double PeakDbfs, double Seconds)
{
    /// <summary>Below this the input is as good as silent (a muted or unplugged microphone reads about -90 dBFS or digital zero).</summary>
    public const double SilentDbfs = -60;

    public bool IsDigitalSilence => double.IsNegativeInfinity(PeakDbfs);

    public static AudioLevel Measure(ReadOnlySpan<float> samples, int sampleRate)
    {
        double sum = 0;
        double peak = 0;
        foreach (var sample in samples)
        {
            sum += (double)sample * sample;
            peak = Math.Max(peak, Math.Abs(sample));
        }

        var rms = samples.IsEmpty ? 0 : Math.Sqrt(sum / samples.Length);
        return new AudioLevel(Decibels(rms), Decibels(peak), (double)samples.Length / sampleRate);
    }

    private static double Decibels(double amplitude) => amplitude > 0 ? 20 * Math.Log10(amplitude) : double.NegativeInfinity;
}
