using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace EdgeSentiment.Device.Storage.Sealing;

/// <summary>
/// Seals record payloads with AES-256-GCM: a fresh random 12-byte nonce per record, a 16-byte tag,
/// and associated data binding the ciphertext to its collection, record id, key id, time and kind, so
/// a record edited, swapped with another, moved to another collection, another time or another kind
/// fails to open. Sealed layout: nonce (12) | tag (16) | ciphertext.
/// </summary>
/// <remarks>
/// Records written before time and kind were bound (store format 1) have a <c>null</c>
/// <see cref="RecordBinding"/>: they still open, and key rotation re-seals them bound.
/// </remarks>
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

    /// <summary>Seals <paramref name="plaintext"/> for the record <paramref name="id"/> of <paramref name="collection"/>;
    /// <paramref name="binding"/> is null only to write a format-1 record (tests of old files).</summary>
    public byte[] Seal(string collection, Guid id, RecordBinding? binding, ReadOnlySpan<byte> plaintext)
    {
        var sealedBytes = new byte[Overhead + plaintext.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        _aes.Encrypt(
            nonce,
            plaintext,
            sealedBytes.AsSpan(Overhead),
            sealedBytes.AsSpan(NonceSize, TagSize),
            AssociatedData(collection, id, KeyId, binding));
        return sealedBytes;
    }

    /// <summary>The plaintext, or null when the record was altered, swapped or sealed under another key.</summary>
    public byte[]? Open(string collection, Guid id, RecordBinding? binding, ReadOnlySpan<byte> sealedBytes)
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
                AssociatedData(collection, id, KeyId, binding));
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    public void Dispose() => _aes.Dispose();

    // Length-prefixed fields so no two (collection, id, key id) triples share associated data. A
    // binding appends 13 bytes (time, whether there is a kind, the kind); format-1 data ends right
    // after the key id, so the two formats never share associated data either.
    private static byte[] AssociatedData(string collection, Guid id, string keyId, RecordBinding? binding)
    {
        var collectionLength = Encoding.UTF8.GetByteCount(collection);
        var keyLength = Encoding.UTF8.GetByteCount(keyId);
        var unbound = 4 + collectionLength + 16 + 4 + keyLength;
        var data = new byte[unbound + (binding is null ? 0 : 13)];
        var span = data.AsSpan();
        BinaryPrimitives.WriteInt32LittleEndian(span, collectionLength);
        Encoding.UTF8.GetBytes(collection, span.Slice(4, collectionLength));
        id.TryWriteBytes(span.Slice(4 + collectionLength, 16));
        BinaryPrimitives.WriteInt32LittleEndian(span.Slice(20 + collectionLength), keyLength);
        Encoding.UTF8.GetBytes(keyId, span.Slice(24 + collectionLength, keyLength));
        if (binding is { } bound)
        {
            BinaryPrimitives.WriteInt64LittleEndian(span.Slice(unbound), bound.UnixMilliseconds);
            span[unbound + 8] = bound.Kind is null ? (byte)0 : (byte)1;
            BinaryPrimitives.WriteInt32LittleEndian(span.Slice(unbound + 9), bound.Kind ?? 0);
        }

        return data;
    }
}
