using System.Buffers;

namespace EdgeSentiment.Device.Pipeline;

/// <summary>One 16 kHz analysis window in a pooled buffer, with where it starts in the stream.</summary>
public readonly record struct AnalysisWindow(float[] Buffer, int Count, TimeSpan Start)
{
    public ReadOnlySpan<float> Samples => Buffer.AsSpan(0, Count);

    public void Return() => ArrayPool<float>.Shared.Return(Buffer);
}
