using EdgeSentiment.Device.Pipeline;

namespace EdgeSentiment.Device.Capture.EchoCancellation;

/// <summary>How the echo canceller is built: its frame, how long an echo it models, and whether it suppresses what is left.</summary>
public sealed record EchoCancellerSettings
{
    public int SampleRate { get; init; } = CaptureFormat.SampleRate;

    /// <summary>Samples per SpeexDSP frame: 256 at 16 kHz (16 ms), a power of two for its FFT.</summary>
    public int FrameSamples { get; init; } = 256;

    /// <summary>
    /// Length of the echo modelled, in seconds. An auditorium reverberates for 0.3-1 s; SpeexDSP's
    /// cost grows with the tail, and the last part of a long decay is quiet enough to leave to the
    /// residual suppressor.
    /// </summary>
    public double TailSeconds { get; init; } = 0.5;

    /// <summary>
    /// Run SpeexDSP's residual echo suppressor after the filter. Off by default: in the
    /// auditorium bench (docs/auditorium.md) it left more of the film than the filter alone.
    /// </summary>
    public bool SuppressResidual { get; init; }

    /// <summary>Most the suppressor attenuates residual echo, in dB (negative).</summary>
    public int ResidualSuppressionDb { get; init; } = -40;

    public int TailSamples => (int)Math.Round(TailSeconds * SampleRate / FrameSamples) * FrameSamples;

    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        if (SampleRate < 8000 || SampleRate > 48000)
        {
            throw new ArgumentException($"SampleRate must be 8000-48000 Hz, it is {SampleRate}.");
        }

        if (FrameSamples < 64 || FrameSamples > 2048)
        {
            throw new ArgumentException($"FrameSamples must be 64-2048, it is {FrameSamples}.");
        }

        if (!(TailSeconds >= 0.05 && TailSeconds <= 2))
        {
            throw new ArgumentException($"TailSeconds must be 0.05-2, it is {TailSeconds}.");
        }

        if (ResidualSuppressionDb > 0 || ResidualSuppressionDb < -90)
        {
            throw new ArgumentException($"ResidualSuppressionDb must be -90-0, it is {ResidualSuppressionDb}.");
        }
    }
}
