using EdgeSentiment.Device.Booth.Opus;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Device.Tests.Booth;

/// <summary>The booth's Ogg Opus files as a studio's player sees them: decoded by opusdec (opus-tools).</summary>
public sealed class OggOpusWriterTests : IDisposable
{
    private const int Rate = 16_000;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Write_DecodedWithOpusdec_SameLengthAndSignal()
    {
        var voice = Voice.Like(seconds: 3.0);
        var opusFile = _folder.PathOf("review.opus");
        using (var file = File.Create(opusFile))
        using (var writer = new OggOpusWriter(file, Rate, new Dictionary<string, string> { ["TITLE"] = "review" }))
        {
            // Frames of 20 ms, as the capture stage hands them over.
            for (var at = 0; at < voice.Length; at += 320)
            {
                writer.Write(voice.AsSpan(at, Math.Min(320, voice.Length - at)));
            }

            writer.Complete();
        }

        var decodedFile = _folder.PathOf("decoded.wav");
        var run = ExternalTool.Run("opusdec", "--quiet", "--rate", "16000", opusFile, decodedFile);
        Assert.True(run.ExitCode == 0, run.Error);
        var decoded = TestWav.ReadPcm16(decodedFile);

        Assert.InRange(decoded.Length, voice.Length - 160, voice.Length + 160);
        Assert.True(Voice.Correlation(voice, decoded) > 0.9, $"correlation {Voice.Correlation(voice, decoded):F3}");
    }

    [Fact]
    public void Dispose_WithoutComplete_LeavesNoWholeFile()
    {
        var opusFile = _folder.PathOf("cut.opus");
        using (var file = File.Create(opusFile))
        using (var writer = new OggOpusWriter(file, Rate))
        {
            writer.Write(Voice.Like(seconds: 1.0));
        }

        var complete = _folder.PathOf("complete.opus");
        using (var file = File.Create(complete))
        using (var writer = new OggOpusWriter(file, Rate))
        {
            writer.Write(Voice.Like(seconds: 1.0));
            writer.Complete();
        }

        Assert.True(new FileInfo(opusFile).Length < new FileInfo(complete).Length);
    }
}
