namespace EdgeSentiment.Core.Segmentation;

/// <summary>How audio is cut into overlapping analysis windows.</summary>
public sealed record AnalysisWindowSettings
{
    public static AnalysisWindowSettings Default { get; } = new();

    public double WindowSeconds { get; init; } = 2.0;

    public double HopSeconds { get; init; } = 0.5;

    public int WindowSamples(int sampleRate) => (int)Math.Round(WindowSeconds * sampleRate);

    public int HopSamples(int sampleRate) => (int)Math.Round(HopSeconds * sampleRate);
}
