using System.Buffers;

namespace EdgeSentiment.Device.Pipeline;

/// <summary>
/// A run of 16 kHz mono samples in a buffer rented from <see cref="ArrayPool{T}.Shared"/>;
/// whoever takes it off the channel (or drops it) returns the buffer. With a soundtrack
/// reference, the samples are what the echo canceller left and <paramref name="Removed"/> what
/// it took away (the film as the room plays it), as many samples, in another rented buffer.
/// </summary>
public readonly record struct AudioChunk(float[] Buffer, int Count, float[]? Removed = null)
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
