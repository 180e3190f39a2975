namespace EdgeSentiment.Core.Features;

/// <summary>Log-mel spectrogram of 16 kHz mono audio into caller-owned buffers; no allocation per frame.</summary>
public sealed class LogMelExtractor
{
    public LogMelExtractor(LogMelSettings settings) => Settings = settings;

    public LogMelSettings Settings { get; }

    /// <summary>
    /// Writes <c>Settings.FrameCount(samples.Length) * Settings.MelBands</c> values into
    /// <paramref name="features"/>, frame after frame (row-major [frame, band]).
    /// </summary>
    public void Compute(ReadOnlySpan<float> samples, Span<float> features) =>
        throw new NotImplementedException();
}
