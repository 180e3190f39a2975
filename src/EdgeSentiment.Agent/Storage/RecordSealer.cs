using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace EdgeSentiment.Agent.Storage;

/// <summary>
/// Seals record payloads with AES-256-GCM: a fresh random 12-byte nonce per record, a 16-byte tag,
/// and associated data binding the ciphertext to its collection, record id and key id, so a record
/// edited, swapped with another or moved to another collection fails to open.
/// Sealed layout: nonce (12) | tag (16) | ciphertext.
/// </summary>
public sealed class RecordSealer : IDisposable
{
    public const int NonceSize = 12;
    public const int TagSize = 16;
    public const int Overhead = NonceSize + TagSize;

    private readonly AesGcm _aes;

    public RecordSealer(StoreKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        KeyId = key.Id;
        _aes = new AesGcm(key.Bytes, TagSize);
    }

    public string KeyId { get; }

    public byte[] Seal(string collection, Guid id, ReadOnlySpan<byte> plaintext)
    {
        var sealedBytes = new byte[Overhead + plaintext.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        _aes.Encrypt(
            nonce,
            plaintext,
            sealedBytes.AsSpan(Overhead),
            sealedBytes.AsSpan(NonceSize, TagSize),
            AssociatedData(collection, id, KeyId));
        return sealedBytes;
    }

    /// <summary>The plaintext, or null when the record was altered, swapped or sealed under another key.</summary>
    public byte[]? Open(string collection, Guid id, ReadOnlySpan<byte> sealedBytes)
    {
        if (sealedBytes.Length < Overhead)
        {
            return null;
        }

        var plaintext = new byte[sealedBytes.Length - Overhead];
        try
        {
            _aes.Decrypt(
                sealedBytes[..NonceSize],
                sealedBytes[Overhead..],
                sealedBytes.Slice(NonceSize, TagSize),
                plaintext,
                AssociatedData(collection, id, KeyId));
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    public void Dispose() => _aes.Dispose();

    // Length-prefixed fields so no two (collection, id, key id) triples share associated data.
    private static byte[] AssociatedData(string collection, Guid id, string keyId)
    {
        var collectionLength = Encoding.UTF8.GetByteCount(collection);
        var keyLength = Encoding.UTF8.GetByteCount(keyId);
        var data = new byte[4 + collectionLength + 16 + 4 + keyLength];
        var span = data.AsSpan();
        BinaryPrimitives.WriteInt32LittleEndian(span, collectionLength);
        Encoding.UTF8.GetBytes(collection, span.Slice(4, collectionLength));
        id.TryWriteBytes(span.Slice(4 + collectionLength, 16));
        BinaryPrimitives.WriteInt32LittleEndian(span.Slice(20 + collectionLength), keyLength);
        Encoding.UTF8.GetBytes(keyId, span[(24 + collectionLength)..]);
        return data;
    }
}
