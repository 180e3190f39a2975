using EdgeSentiment.Device.Booth.Age;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Reviews;

/// <summary>Our age format against the reference age binary, both ways, including the files both must refuse.</summary>
public sealed class AgeInteropTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(65_536)]
    [InlineData(65_537)]
    [InlineData(300_000)]
    public void Seal_OpenedWithAgeTool_GivesThePlaintext(int size)
    {
        var (keyFile, recipient) = AgeTool.KeyGen(_folder, "studio-key.txt");
        var plaintext = Plaintext(size);
        var sealedFile = SealWithUs(plaintext, recipient);

        var opened = _folder.PathOf("opened.bin");
        var run = ExternalTool.Run("age", "-d", "-i", keyFile, "-o", opened, sealedFile);

        Assert.True(run.ExitCode == 0, run.Error);

        // age creates its output file at the first byte it writes: an empty payload leaves none.
        Assert.Equal(plaintext, File.Exists(opened) ? File.ReadAllBytes(opened) : []);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65_536)]
    [InlineData(300_000)]
    public void ReviewsOpen_FileSealedByAgeTool_GivesThePlaintext(int size)
    {
        var (keyFile, recipient) = AgeTool.KeyGen(_folder, "studio-key.txt");
        var plaintext = Plaintext(size);
        var input = _folder.Write("plain.bin", plaintext);
        var sealedFile = _folder.PathOf("sealed.age");
        var run = ExternalTool.Run("age", "-r", recipient, "-o", sealedFile, input);
        Assert.True(run.ExitCode == 0, run.Error);

        var (cli, opened) = OpenWithCli(sealedFile, keyFile);

        Assert.True(cli.ExitCode == ExitCodes.Ok, cli.Error);
        Assert.Equal(plaintext, File.ReadAllBytes(opened));
    }

    [Fact]
    public void Seal_SeveralRecipients_EachOpensWithAgeTool()
    {
        var (studioKey, studio) = AgeTool.KeyGen(_folder, "studio-key.txt");
        var (backupKey, backup) = AgeTool.KeyGen(_folder, "backup-key.txt");
        var plaintext = Plaintext(1000);
        var sealedFile = SealWithUs(plaintext, studio, backup);

        foreach (var keyFile in new[] { studioKey, backupKey })
        {
            var opened = _folder.PathOf($"opened-{Path.GetFileName(keyFile)}");
            var run = ExternalTool.Run("age", "-d", "-i", keyFile, "-o", opened, sealedFile);
            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Equal(plaintext, File.ReadAllBytes(opened));
        }
    }

    [Fact]
    public void Parse_KeyFromAgeKeygen_GivesTheRecipientItPrints()
    {
        var (keyFile, recipient) = AgeTool.KeyGen(_folder, "studio-key.txt");

        var identities = AgeIdentity.ReadFile(keyFile);

        Assert.Equal(recipient, Assert.Single(identities).Recipient.ToString());
        Assert.Equal(recipient, AgeRecipient.Parse(recipient).ToString());
    }

    [Fact]
    public void Open_WrongIdentity_RefusedByAgeToolAndCli()
    {
        var (_, recipient) = AgeTool.KeyGen(_folder, "studio-key.txt");
        var (otherKey, _) = AgeTool.KeyGen(_folder, "other-key.txt");
        var sealedFile = SealWithUs(Plaintext(1000), recipient);

        var run = ExternalTool.Run("age", "-d", "-i", otherKey, sealedFile);
        var (cli, opened) = OpenWithCli(sealedFile, otherKey);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal(ExitCodes.Failed, cli.ExitCode);
        Assert.Equal("error: sealed.age: the file was not sealed to this identity: use the studio key whose recipient is in the device's Booth:Recipients", cli.Error.Trim());
        Assert.False(File.Exists(opened));
    }

    public static TheoryData<string> Damages => ["stanza body", "header MAC", "first payload chunk", "last payload chunk", "truncated mid-chunk", "truncated at a chunk boundary", "truncated in header"];

    [Theory]
    [MemberData(nameof(Damages))]
    public void Open_DamagedFile_RefusedByAgeToolAndCli(string damage)
    {
        var (keyFile, recipient) = AgeTool.KeyGen(_folder, "studio-key.txt");
        var sealedFile = SealWithUs(Plaintext(150_000), recipient);
        var bytes = File.ReadAllBytes(sealedFile);
        var headerEnd = HeaderLength(bytes);
        var damaged = damage switch
        {
            "stanza body" => Flip(bytes, Array.IndexOf(bytes, (byte)'\n', Array.IndexOf(bytes, (byte)'>')) + 5),
            "header MAC" => Flip(bytes, headerEnd - 5),
            "first payload chunk" => Flip(bytes, headerEnd + 16 + 100),
            "last payload chunk" => Flip(bytes, bytes.Length - 3),
            "truncated mid-chunk" => bytes[..^1000],
            "truncated at a chunk boundary" => bytes[..(headerEnd + 16 + (2 * (65_536 + 16)))],
            "truncated in header" => bytes[..(headerEnd - 10)],
            _ => throw new ArgumentOutOfRangeException(nameof(damage)),
        };
        File.WriteAllBytes(sealedFile, damaged);

        var run = ExternalTool.Run("age", "-d", "-i", keyFile, "-o", _folder.PathOf("age-out.bin"), sealedFile);

        var (cli, opened) = OpenWithCli(sealedFile, keyFile);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal(ExitCodes.Failed, cli.ExitCode);
        Assert.Single(cli.Error.Trim().Split('\n'));
        Assert.False(File.Exists(opened), "nothing of a refused file is written");
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.part"));
    }

    private static byte[] Plaintext(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        return bytes;
    }

    private string SealWithUs(byte[] plaintext, params string[] recipients)
    {
        var path = _folder.PathOf("sealed.age");
        using var file = File.Create(path);
        using var seal = new AgeSealStream(file, [.. recipients.Select(AgeRecipient.Parse)]);

        // Uneven writes, so chunk boundaries fall inside them.
        for (var at = 0; at < plaintext.Length; at += 10_007)
        {
            seal.Write(plaintext.AsSpan(at, Math.Min(10_007, plaintext.Length - at)));
        }

        seal.Complete();
        return path;
    }

    private (CliRun Run, string Opened) OpenWithCli(string sealedFile, string keyFile)
    {
        var opened = _folder.PathOf("opened-by-cli.bin");
        return (CliRun.Of("reviews", "open", sealedFile, "--identity", keyFile, "--out", opened), opened);
    }

    private static int HeaderLength(byte[] bytes)
    {
        var dashes = bytes.AsSpan().IndexOf("\n--- "u8) + 1;
        return dashes + bytes.AsSpan(dashes).IndexOf((byte)'\n') + 1;
    }

    private static byte[] Flip(byte[] bytes, int at)
    {
        var copy = (byte[])bytes.Clone();

        // A base64 character becomes another base64 character; a binary byte just changes.
        copy[at] = copy[at] == (byte)'A' ? (byte)'B' : copy[at] is >= (byte)'A' and <= (byte)'z' ? (byte)'A' : (byte)(copy[at] ^ 0x01);
        return copy;
    }
}
