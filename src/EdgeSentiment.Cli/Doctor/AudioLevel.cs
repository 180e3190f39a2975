namespace EdgeSentiment.Cli.Doctor;

/// <summary>The level of a stretch of input: RMS and peak in dBFS, over how many seconds, and how much of it is loud.</summary>
public sealed record AudioLevel(double RmsDbfs, double PeakDbfs, double Seconds)
{
    /// <summary>Below this the input is as good as silent (a muted or unplugged microphone reads about -90 dBFS or digital zero).</summary>
    public const double SilentDbfs = -60;

    /// <summary>A 100 ms block above this RMS is loud: a film's mix, or a voice close to the microphone.</summary>
    /// <remarks>
    /// Measured with 100 ms blocks over the whole of the recordings in samples/: screening.wav has 11 % of its
    /// blocks above -30 dBFS, negative-angry.wav 48 %, positive-happy.wav 39 %, neutral.wav none.
    /// (AudioInputCheckTests.Measure_TheSampleRecordings_HaveTheLoudShareTheThresholdWasChosenOn checks these).
    /// Speech pauses between phrases; a film's mix of dialogue, music and effects hardly does.
    /// </remarks>
    public const double LoudBlockDbfs = -30;

    /// <summary>With at least this share of loud blocks the input is a continuous programme, not an audience.</summary>
    /// <remarks>Well above the 48 % of the loudest sample recording; a second of shouting right at the microphone can reach it too, which is why it only warns.</remarks>
    public const double ProgrammeShare = 0.9;

    private const int BlocksPerSecond = 10;

    /// <summary>The share (0 to 1) of whole 100 ms blocks whose RMS is above <see cref="LoudBlockDbfs"/>.</summary>
    public double LoudBlockShare { get; init; }

    public bool IsDigitalSilence => double.IsNegativeInfinity(PeakDbfs);

    public bool IsSilent => IsDigitalSilence || RmsDbfs < SilentDbfs;

    /// <summary>Loud and continuous: what a microphone hears of a film, not of people talking.</summary>
    public bool IsLoudProgramme => LoudBlockShare >= ProgrammeShare;

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
        return new AudioLevel(Decibels(rms), Decibels(peak), (double)samples.Length / sampleRate) { LoudBlockShare = LoudShare(samples, sampleRate) };
    }

    private static double LoudShare(ReadOnlySpan<float> samples, int sampleRate)
    {
        var block = Math.Max(1, sampleRate / BlocksPerSecond);
        var blocks = samples.Length / block;
        if (blocks == 0)
        {
            return 0;
        }

        // Compared in power, not dB, so the loop needs no logarithm per block.
        var loudPower = Math.Pow(10, LoudBlockDbfs / 10);
        var loud = 0;
        for (var b = 0; b < blocks; b++)
        {
            double sum = 0;
            foreach (var sample in samples.Slice(b * block, block))
            {
                sum += (double)sample * sample;
            }

            if (sum / block > loudPower)
            {
                loud++;
            }
        }

        return (double)loud / blocks;
    }

    private static double Decibels(double amplitude) => amplitude > 0 ? 20 * Math.Log10(amplitude) : double.NegativeInfinity;
}
