using Sodium = NSec.Cryptography;

namespace EdgeSentiment.Device.Booth.Age;

/// <summary>An age X25519 identity (<c>AGE-SECRET-KEY-1...</c>): the private key that opens files
/// sealed to its recipient. Only the studio holds one; the device never reads or makes one.</summary>
public sealed class AgeIdentity : IDisposable
{
    private const string HumanPart = "age-secret-key-";

    private readonly Sodium.Key _key;
    private readonly byte[] _publicKey;

    private AgeIdentity(Sodium.Key key)
    {
        _key = key;
        _publicKey = key.PublicKey.Export(Sodium.KeyBlobFormat.RawPublicKey);
    }

    /// <summary>The recipient that files for this identity are sealed to.</summary>
    public AgeRecipient Recipient => AgeRecipient.FromPublicKey(_publicKey);

    /// <summary>A new random identity whose private key can be written out with <see cref="ToSecretString"/>.</summary>
    public static AgeIdentity Generate() =>
        new(Sodium.Key.Create(
            Sodium.KeyAgreementAlgorithm.X25519,
            new Sodium.KeyCreationParameters { ExportPolicy = Sodium.KeyExportPolicies.AllowPlaintextExport }));

    /// <summary>Reads one <c>AGE-SECRET-KEY-1...</c> line.</summary>
    public static bool TryParse(string? text, out AgeIdentity identity)
    {
        identity = null!;
        var trimmed = text?.Trim() ?? string.Empty;
        if (!trimmed.StartsWith("AGE-SECRET-KEY-1", StringComparison.Ordinal)
            || !Bech32.TryDecode(trimmed, out var human, out var secret)
            || human != HumanPart
            || secret.Length != AgeRecipient.KeySize)
        {
            return false;
        }

        identity = new AgeIdentity(Sodium.Key.Import(
            Sodium.KeyAgreementAlgorithm.X25519,
            secret,
            Sodium.KeyBlobFormat.RawPrivateKey,
            new Sodium.KeyCreationParameters { ExportPolicy = Sodium.KeyExportPolicies.AllowPlaintextExport }));
        Array.Clear(secret);
        return true;
    }

    /// <summary>Reads an identity file as <c>age-keygen</c> writes it: comments (<c>#</c>), blank lines
    /// and one or more <c>AGE-SECRET-KEY-1...</c> lines.</summary>
    public static IReadOnlyList<AgeIdentity> ReadFile(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AgeException($"cannot read the identity file {path}: {e.Message}", e);
        }

        var identities = new List<AgeIdentity>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (!TryParse(line, out var identity))
            {
                foreach (var read in identities)
                {
                    read.Dispose();
                }

                // The line is a secret: say where it is, never what it holds.
                throw new AgeException($"{path} line {i + 1} is not an age identity: expected AGE-SECRET-KEY-1... as age-keygen writes it");
            }

            identities.Add(identity);
        }

        return identities.Count > 0
            ? identities
            : throw new AgeException($"{path} holds no age identity: make one with 'age-keygen -o {Path.GetFileName(path)}'");
    }

    /// <summary>The <c>AGE-SECRET-KEY-1...</c> text, for writing a studio's key file.</summary>
    public string ToSecretString() =>
        Bech32.Encode(HumanPart.ToUpperInvariant(), _key.Export(Sodium.KeyBlobFormat.RawPrivateKey));

    internal byte[]? TryUnwrap(AgeStanza stanza) => X25519Stanza.TryUnwrap(stanza, _key, _publicKey);

    public void Dispose() => _key.Dispose();

    public override string ToString() => $"age identity for {Recipient}";
}
