using System.Security.Cryptography;
using System.Text;

namespace EdgeSentiment.Device.Booth.Age;

/// <summary>The keys age derives from the file key with HKDF-SHA256: one for the header MAC, one
/// for the payload (salted with the payload nonce so no two files share a payload key).</summary>
internal static class AgeKeySchedule
{
    public const int FileKeySize = 16;
    public const int PayloadNonceSize = 16;
    public const int KeySize = 32;

    private static readonly byte[] HeaderLabel = Encoding.ASCII.GetBytes("header");
    private static readonly byte[] PayloadLabel = Encoding.ASCII.GetBytes("payload");

    public static byte[] HeaderMac(ReadOnlySpan<byte> fileKey, ReadOnlySpan<byte> headerUpToDashes)
    {
        Span<byte> macKey = stackalloc byte[KeySize];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, fileKey, macKey, [], HeaderLabel);
        var mac = HMACSHA256.HashData(macKey, headerUpToDashes);
        CryptographicOperations.ZeroMemory(macKey);
        return mac;
    }

    public static byte[] PayloadKey(ReadOnlySpan<byte> fileKey, ReadOnlySpan<byte> nonce)
    {
        var key = new byte[KeySize];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, fileKey, key, nonce, PayloadLabel);
        return key;
    }
}
