using System.Buffers.Binary;

namespace EdgeSentiment.Device.Booth.Age;

/// <summary>
/// The age payload's STREAM construction: the plaintext in 64 KiB chunks, each sealed with
/// ChaCha20-Poly1305 under a nonce of an 11-byte big-endian chunk counter and a last-chunk flag,
/// so chunks cannot be reordered, dropped or cut off at the end without the reader noticing.
/// </summary>
internal static class AgePayload
{
    public const int ChunkSize = 64 * 1024;
    public const int TagSize = 16;
    public const int SealedChunkSize = ChunkSize + TagSize;
    public const int NonceSize = 12;

    public static void Nonce(long counter, bool last, Span<byte> nonce)
    {
        nonce.Clear();
        BinaryPrimitives.WriteInt64BigEndian(nonce.Slice(3, 8), counter);
        nonce[11] = last ? (byte)1 : (byte)0;
    }
}
