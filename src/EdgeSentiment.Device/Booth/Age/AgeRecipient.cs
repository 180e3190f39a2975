namespace EdgeSentiment.Device.Booth.Age;

/// <summary>An age X25519 recipient (<c>age1...</c>): the public key a file is sealed to.</summary>
public sealed class AgeRecipient
{
    internal const string HumanPart = "age";
    internal const int KeySize = 32;

    private readonly byte[] _publicKey;

    private AgeRecipient(byte[] publicKey) => _publicKey = publicKey;

    /// <summary>The raw X25519 public key.</summary>
    internal ReadOnlySpan<byte> PublicKey => _publicKey;

    /// <summary>Reads an <c>age1...</c> recipient, as <c>age-keygen</c> prints it.</summary>
    public static bool TryParse(string? text, out AgeRecipient recipient)
    {
        recipient = null!;
        var trimmed = text?.Trim() ?? string.Empty;
        if (!trimmed.StartsWith("age1", StringComparison.Ordinal)
            || !Bech32.TryDecode(trimmed, out var human, out var key)
            || human != HumanPart
            || key.Length != KeySize)
        {
            return false;
        }

        recipient = new AgeRecipient(key);
        return true;
    }

    /// <summary>Reads an <c>age1...</c> recipient or throws an <see cref="AgeException"/> that says what is wrong.</summary>
    public static AgeRecipient Parse(string text) =>
        TryParse(text, out var recipient)
            ? recipient
            : throw new AgeException($"'{text}' is not an age X25519 recipient: expected 'age1' and 58 more characters, as age-keygen prints after 'public key:'");

    internal static AgeRecipient FromPublicKey(byte[] publicKey) => new(publicKey);

    public override string ToString() => Bech32.Encode(HumanPart, _publicKey);
}
