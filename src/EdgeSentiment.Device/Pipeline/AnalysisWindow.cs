using System.Buffers;

namespace EdgeSentiment.Device.Pipeline;

/// <summary>
/// One 16 kHz analysis window in a pooled buffer, with where it starts in the stream; with a
/// soundtrack reference, also the same window of what the echo canceller removed.
/// </summary>
public readonly record struct AnalysisWindow(float[] Buffer, int Count, TimeSpan Start, float[]? Removed = null)
{
    public ReadOnlySpan<float> Samples => Buffer.AsSpan(0, Count);

    public ReadOnlySpan<float> RemovedSamples => Removed is null ? default : Removed.AsSpan(0, Count);

    public void Return()
    {
        ArrayPool<float>.Shared.Return(Buffer);
        if (Removed is not null)
        {
            ArrayPool<float>.Shared.Return(Removed);
        }
    }
}
