namespace EdgeSentiment.Core.Audio;

/// <summary>Mono audio as floats in [-1, 1] at a known sample rate.</summary>
public sealed class PcmAudio
{
    public PcmAudio(float[] samples, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        Samples = samples;
        SampleRate = sampleRate;
    }

    public float[] Samples { get; }

    public int SampleRate { get; }

    public double DurationSeconds => (double)Samples.Length / SampleRate;
}
