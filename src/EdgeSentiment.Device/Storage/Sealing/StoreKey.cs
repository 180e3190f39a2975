using System.Security.Cryptography;

namespace EdgeSentiment.Device.Storage.Sealing;

/// <summary>
/// The 32-byte AES-256 key and its public id (the first 8 hex digits of its SHA-256), which records
/// carry in clear so a wrong key is told apart from a tampered record. Never printed or logged.
/// </summary>
public sealed class StoreKey : IDisposable
{
    public const int Length = 32;

    private readonly byte[] _bytes;

    private StoreKey(byte[] bytes)
    {
        _bytes = bytes;
        Id = IdOf(bytes);
    }

    /// <summary>The key's public id, e.g. <c>3f9a0c12</c>.</summary>
    public string Id { get; }

    internal ReadOnlySpan<byte> Bytes => _bytes;

    public static StoreKey Generate() => new(RandomNumberGenerator.GetBytes(Length));

    /// <summary>Takes a copy of <paramref name="key"/>, which must be exactly 32 bytes.</summary>
    public static StoreKey FromBytes(ReadOnlySpan<byte> key)
    {
        if (key.Length != Length)
        {
            throw new ArgumentException($"a key is {Length} bytes, not {key.Length}", nameof(key));
        }

        return new StoreKey(key.ToArray());
    }

    /// <summary>The key file's text: the key in base64 and a newline.</summary>
    public string ToFileText() => Convert.ToBase64String(_bytes) + "\n";

    public override string ToString() => $"key {Id}";

    public void Dispose() => CryptographicOperations.ZeroMemory(_bytes);

    private static string IdOf(ReadOnlySpan<byte> key)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(key, hash);
        return Convert.ToHexStringLower(hash[..4]);
    }
}
