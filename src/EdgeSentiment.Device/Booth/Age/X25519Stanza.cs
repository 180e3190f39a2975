using System.Security.Cryptography;
using System.Text;
using Sodium = NSec.Cryptography;

namespace EdgeSentiment.Device.Booth.Age;

/// <summary>
/// The age X25519 recipient type: the file key is wrapped with ChaCha20-Poly1305 under a key that
/// HKDF-SHA256 derives from an X25519 agreement between a fresh ephemeral key and the recipient.
/// Only the agreement itself comes from NSec (libsodium); HKDF and the AEAD are .NET's own.
/// </summary>
internal static class X25519Stanza
{
    public const string Type = "X25519";

    private const int TagSize = 16;
    private static readonly byte[] Label = Encoding.ASCII.GetBytes("age-encryption.org/v1/X25519");

    /// <summary>Wraps <paramref name="fileKey"/> for <paramref name="recipient"/> under a new ephemeral key,
    /// which is dropped as soon as the stanza exists: not even the sealer can unwrap it again.</summary>
    public static AgeStanza Wrap(AgeRecipient recipient, ReadOnlySpan<byte> fileKey)
    {
        var algorithm = Sodium.KeyAgreementAlgorithm.X25519;
        using var ephemeral = Sodium.Key.Create(algorithm);
        var share = ephemeral.PublicKey.Export(Sodium.KeyBlobFormat.RawPublicKey);
        var theirs = Sodium.PublicKey.Import(algorithm, recipient.PublicKey, Sodium.KeyBlobFormat.RawPublicKey);
        var wrapKey = WrapKey(ephemeral, theirs, share, recipient.PublicKey)
            ?? throw new AgeException($"the recipient {recipient} is a degenerate X25519 key; use a key made by age-keygen");
        var body = new byte[fileKey.Length + TagSize];
        using (var aead = new ChaCha20Poly1305(wrapKey))
        {
            aead.Encrypt(stackalloc byte[12], fileKey, body.AsSpan(0, fileKey.Length), body.AsSpan(fileKey.Length));
        }

        CryptographicOperations.ZeroMemory(wrapKey);
        return new AgeStanza(Type, [AgeBase64.Encode(share)], body);
    }

    /// <summary>The file key when <paramref name="stanza"/> is an X25519 stanza for <paramref name="identity"/>;
    /// null when it is for someone else. A malformed X25519 stanza is an error, not a mismatch.</summary>
    public static byte[]? TryUnwrap(AgeStanza stanza, Sodium.Key identity, ReadOnlySpan<byte> identityPublicKey)
    {
        if (stanza.Type != Type)
        {
            return null;
        }

        if (stanza.Arguments.Count != 1
            || !AgeBase64.TryDecode(stanza.Arguments[0], out var share)
            || share.Length != AgeRecipient.KeySize
            || stanza.Body.Length != AgeKeySchedule.FileKeySize + TagSize)
        {
            throw new AgeException("the file's header has a malformed X25519 stanza: the file is damaged or not an age file");
        }

        var algorithm = Sodium.KeyAgreementAlgorithm.X25519;
        var theirs = Sodium.PublicKey.Import(algorithm, share, Sodium.KeyBlobFormat.RawPublicKey);
        var wrapKey = WrapKey(identity, theirs, share, identityPublicKey);
        if (wrapKey is null)
        {
            throw new AgeException("the file's header has a degenerate X25519 share: the file was altered");
        }

        var fileKey = new byte[AgeKeySchedule.FileKeySize];
        try
        {
            using var aead = new ChaCha20Poly1305(wrapKey);
            aead.Decrypt(stackalloc byte[12], stanza.Body.AsSpan(0, fileKey.Length), stanza.Body.AsSpan(fileKey.Length), fileKey);
            return fileKey;
        }
        catch (AuthenticationTagMismatchException)
        {
            // Sealed to another key (or altered): the caller tries its other identities.
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(wrapKey);
        }
    }

    private static byte[]? WrapKey(Sodium.Key ours, Sodium.PublicKey theirs, ReadOnlySpan<byte> share, ReadOnlySpan<byte> recipientPublicKey)
    {
        // An all-zero agreement (a low-order point) makes the agreement fail; age refuses those too.
        var exportable = new Sodium.SharedSecretCreationParameters { ExportPolicy = Sodium.KeyExportPolicies.AllowPlaintextExport };
        var shared = Sodium.KeyAgreementAlgorithm.X25519.Agree(ours, theirs, exportable);
        if (shared is null)
        {
            return null;
        }

        using (shared)
        {
            var secret = shared.Export(Sodium.SharedSecretBlobFormat.RawSharedSecret);
            Span<byte> salt = stackalloc byte[share.Length + recipientPublicKey.Length];
            share.CopyTo(salt);
            recipientPublicKey.CopyTo(salt[share.Length..]);
            var wrapKey = new byte[AgeKeySchedule.KeySize];
            HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, wrapKey, salt, Label);
            CryptographicOperations.ZeroMemory(secret);
            return wrapKey;
        }
    }
}
