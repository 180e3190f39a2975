using System.Buffers.Binary;
using System.Text.Json;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Commands;

/// <summary>What <c>analyze</c> does with the recordings people actually hand it, good and broken.</summary>
public sealed class AnalyzeInputTests : IDisposable
{
    private static readonly string[] Labels = ["negative", "neutral", "positive"];
    private readonly TempFolder _temp = new();
    private readonly string _original = RepositoryPaths.Sample("negative-angry.wav");

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("24-bit", new[] { "-b", "24" }, 0.02)]
    [InlineData("float32", new[] { "-b", "32", "-e", "floating-point" }, 0.02)]
    [InlineData("float64", new[] { "-b", "64", "-e", "floating-point" }, 0.02)]
    [InlineData("stereo-44k1", new[] { "-c", "2", "-r", "44100" }, 0.1)]
    public void OtherFormats_GiveTheSameResultAsTheOriginal(string name, string[] soxFormat, double tolerance)
    {
        // A clip with a clear verdict, so the label check means something.
        var source = RepositoryPaths.Sample("positive-happy.wav");
        var converted = _temp.PathOf($"{name}.wav");
        Sox.Run([source, .. soxFormat, converted]);

        var original = Overall(source);
        var other = Overall(converted);

        foreach (var label in Labels)
        {
            Assert.InRange(other.Scores[label], original.Scores[label] - tolerance, original.Scores[label] + tolerance);
        }

        // Scores within the tolerance can only swap two labels closer than twice the tolerance.
        var ranked = original.Scores.Values.OrderDescending().ToArray();
        if (ranked[0] - ranked[1] > 2 * tolerance)
        {
            Assert.Equal(original.Label, other.Label);
        }
    }

    [Fact]
    public void EightBitAudio_IsReadAtTheSameLevelAndTiming()
    {
        // 8-bit audio carries quantisation noise near -48 dBFS, which the model may legitimately
        // hear differently; what the reader owes is the same audio: timing, level, speech.
        var converted = _temp.PathOf("8-bit.wav");
        Sox.Run(_original, "-b", "8", "-e", "unsigned-integer", converted);

        var original = Windows(_original);
        var other = Windows(converted);

        Assert.Equal(original.Count, other.Count);
        for (var i = 0; i < original.Count; i++)
        {
            Assert.Equal(original[i].Start, other[i].Start, 3);
            Assert.Equal(original[i].Speech, other[i].Speech);
            Assert.InRange(other[i].Level, original[i].Level - 1, original[i].Level + 1);
        }
    }

    [Fact]
    public void TextFileRenamedWav_IsRefusedInOneLine() =>
        AssertRefused(Write("text.wav", "Hello, this is not a recording.\n"u8.ToArray()), "text.wav");

    [Fact]
    public void ZeroLengthFile_IsRefusedInOneLine() => AssertRefused(Write("empty.wav", []), "empty.wav");

    [Fact]
    public void TruncatedFile_IsRefusedInOneLine()
    {
        var bytes = File.ReadAllBytes(_original);
        AssertRefused(Write("truncated.wav", bytes[..(bytes.Length / 2)]), "truncated.wav");
    }

    [Fact]
    public void HeaderClaimingFourGigabytes_IsRefusedQuickly()
    {
        var bytes = File.ReadAllBytes(_original)[..1024];
        var data = IndexOf(bytes, "data"u8);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(data + 4), 0xFFFFFFF0);
        AssertRefused(Write("huge-header.wav", bytes), "huge-header.wav");
    }

    private string Write(string name, byte[] bytes)
    {
        var path = _temp.PathOf(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static void AssertRefused(string path, string name)
    {
        var run = CliRun.Of("analyze", path);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.Trim().Split('\n'));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(name, line, StringComparison.Ordinal);
    }

    private static List<(double Start, bool Speech, double Level)> Windows(string path)
    {
        var run = CliRun.Of("analyze", path, "--json");
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        return doc.RootElement.GetProperty("files")[0].GetProperty("windows").EnumerateArray()
            .Select(w => (w.GetProperty("start").GetDouble(), w.GetProperty("speech").GetBoolean(), w.GetProperty("levelDbfs").GetDouble()))
            .ToList();
    }

    private static (string Label, Dictionary<string, double> Scores) Overall(string path)
    {
        var run = CliRun.Of("analyze", path, "--json");
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        var overall = doc.RootElement.GetProperty("files")[0].GetProperty("overall");
        var scores = overall.GetProperty("scores").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        return (overall.GetProperty("label").GetString()!, scores);
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle)
    {
        var index = haystack.AsSpan().IndexOf(needle);
        return index >= 0 ? index : throw new InvalidOperationException("no data chunk in the sample");
    }
}
