using System.Buffers;

namespace EdgeSentiment.Device.Pipeline;

/// <summary>
/// A run of 16 kHz mono samples in a buffer rented from <see cref="ArrayPool{T}.Shared"/>;
/// whoever takes it off the channel (or drops it) returns the buffer.
/// </summary>
public readonly record struct AudioChunk(float[] Buffer, int Count)
{
    public ReadOnlySpan<float> Samples => Buffer.AsSpan(0, Count);

    public void Return() => ArrayPool<float>.Shared.Return(Buffer);
}
