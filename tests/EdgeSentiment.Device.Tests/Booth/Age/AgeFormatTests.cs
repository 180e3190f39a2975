using System.Text;
using EdgeSentiment.Device.Booth.Age;

namespace EdgeSentiment.Device.Tests.Booth.Age;

public sealed class AgeFormatTests
{
    [Fact]
    public void Open_IdentityItWasSealedTo_GivesThePlaintext()
    {
        using var studio = AgeIdentity.Generate();
        var plaintext = Encoding.UTF8.GetBytes(new string('x', 200_000));

        var sealedBytes = Seal(plaintext, studio.Recipient);

        Assert.Equal(plaintext, Open(sealedBytes, studio));
    }

    [Fact]
    public void Seal_TwoFiles_EachOwnEphemeralKeyAndPayload()
    {
        using var studio = AgeIdentity.Generate();
        var plaintext = "the same review"u8.ToArray();

        var first = Seal(plaintext, studio.Recipient);
        var second = Seal(plaintext, studio.Recipient);

        Assert.NotEqual(StanzaLines(first), StanzaLines(second));
        Assert.NotEqual(first[^20..], second[^20..]);
    }

    [Fact]
    public void Seal_SeveralRecipients_OneStanzaEachAndEachOpens()
    {
        using var studio = AgeIdentity.Generate();
        using var backup = AgeIdentity.Generate();
        var plaintext = "a review"u8.ToArray();

        var sealedBytes = Seal(plaintext, studio.Recipient, backup.Recipient);

        Assert.Equal(2, StanzaLines(sealedBytes).Length);
        Assert.Equal(plaintext, Open(sealedBytes, studio));
        Assert.Equal(plaintext, Open(sealedBytes, backup));
    }

    [Fact]
    public void Dispose_WithoutComplete_FileDoesNotOpen()
    {
        using var studio = AgeIdentity.Generate();
        using var output = new MemoryStream();
        using (var seal = new AgeSealStream(output, [studio.Recipient], leaveOpen: true))
        {
            seal.Write(new byte[100_000]);
        }

        var error = Assert.Throws<AgeException>(() => Open(output.ToArray(), studio));
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_TextRoundTrip_Unchanged()
    {
        using var identity = AgeIdentity.Generate();
        var secret = identity.ToSecretString();

        Assert.StartsWith("AGE-SECRET-KEY-1", secret, StringComparison.Ordinal);
        Assert.True(AgeIdentity.TryParse(secret, out var parsed));
        using (parsed)
        {
            Assert.Equal(identity.Recipient.ToString(), parsed.Recipient.ToString());
        }

        Assert.StartsWith("age1", identity.Recipient.ToString(), StringComparison.Ordinal);
        Assert.Equal(62, identity.Recipient.ToString().Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("age1")]
    [InlineData("AGE1QYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQS3290GQ")]
    [InlineData("age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gr")]
    [InlineData("AGE-SECRET-KEY-1QYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQS00000")]
    public void Parse_MalformedRecipient_RefusedWithWhatToUse(string text)
    {
        Assert.False(AgeRecipient.TryParse(text, out _));
        var error = Assert.Throws<AgeException>(() => AgeRecipient.Parse(text));
        Assert.Contains("age-keygen", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bech32_ReferenceVectors_Decode()
    {
        // BIP 173's valid test strings (the checksum and the case rule).
        Assert.True(Bech32.TryDecode("A12UEL5L", out var human, out var data));
        Assert.Equal("a", human);
        Assert.Empty(data);
        Assert.True(Bech32.TryDecode("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw", out human, out _));
        Assert.Equal("abcdef", human);
        Assert.False(Bech32.TryDecode("A12uEL5L", out _, out _));
        Assert.False(Bech32.TryDecode("a12uel5m", out _, out _));
    }

    [Fact]
    public void Open_NotAnAgeFile_RefusedInOneLine()
    {
        using var studio = AgeIdentity.Generate();

        var error = Assert.Throws<AgeException>(() => Open("OggS and some audio"u8.ToArray(), studio));

        Assert.Equal("not an age file (no 'age-encryption.org/v1' first line)", error.Message);
    }

    private static byte[] Seal(byte[] plaintext, params AgeRecipient[] recipients)
    {
        using var output = new MemoryStream();
        using (var seal = new AgeSealStream(output, recipients, leaveOpen: true))
        {
            seal.Write(plaintext);
            seal.Complete();
        }

        return output.ToArray();
    }

    private static byte[] Open(byte[] sealedBytes, AgeIdentity identity)
    {
        using var open = AgeOpenStream.Open(new MemoryStream(sealedBytes), [identity]);
        using var plain = new MemoryStream();
        open.CopyTo(plain);
        return plain.ToArray();
    }

    private static string[] StanzaLines(byte[] sealedBytes)
    {
        var header = Encoding.ASCII.GetString(sealedBytes, 0, sealedBytes.AsSpan().IndexOf("\n---"u8));
        return [.. header.Split('\n').Where(line => line.StartsWith("-> ", StringComparison.Ordinal))];
    }
}
