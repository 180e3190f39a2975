namespace EdgeSentiment.Core.Features;

/// <summary>The parameters of the log-mel front end; a model records them and must match them.</summary>
public sealed record LogMelSettings
{
    /// <summary>The settings every shipped model is trained on.</summary>
    public static LogMelSettings Default { get; } = new();

    /// <summary>Names the algorithm; bump it when the computation changes in any way.</summary>
    public string FeatureVersion { get; init; } = "logmel-v1";

    public int SampleRate { get; init; } = 16000;

    /// <summary>Samples per analysis frame: 25 ms.</summary>
    public int FrameLength { get; init; } = 400;

    /// <summary>Samples between frame starts: 10 ms.</summary>
    public int HopLength { get; init; } = 160;

    public int FftSize { get; init; } = 512;

    public int MelBands { get; init; } = 64;

    public double MinFrequency { get; init; } = 50;

    public double MaxFrequency { get; init; } = 8000;

    /// <summary>Mel power below this is clamped before the natural log, so silence stays finite.</summary>
    public double LogFloor { get; init; } = 1e-10;

    /// <summary>Frames in <paramref name="sampleCount"/> samples (no padding; 0 when shorter than one frame).</summary>
    public int FrameCount(int sampleCount) =>
        sampleCount < FrameLength ? 0 : 1 + ((sampleCount - FrameLength) / HopLength);
}
