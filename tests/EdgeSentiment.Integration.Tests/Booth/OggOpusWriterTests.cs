using EdgeSentiment.Agent.Booth.Opus;
using EdgeSentiment.Core.Tests;

namespace EdgeSentiment.Integration.Tests.Booth;

/// <summary>The booth's Ogg Opus files as a studio's player sees them: decoded by opusdec (opus-tools).</summary>
public sealed class OggOpusWriterTests : IDisposable
{
    private const int Rate = 16_000;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_written_file_decodes_with_opusdec_to_the_same_length_and_signal()
    {
        var voice = VoiceLike(seconds: 3.0);
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
        Assert.True(Correlation(voice, decoded) > 0.9, $"correlation {Correlation(voice, decoded):F3}");
    }

    [Fact]
    public void A_file_without_Complete_is_not_a_whole_file()
    {
        var opusFile = _folder.PathOf("cut.opus");
        using (var file = File.Create(opusFile))
        using (var writer = new OggOpusWriter(file, Rate))
        {
            writer.Write(VoiceLike(seconds: 1.0));
        }

        var complete = _folder.PathOf("complete.opus");
        using (var file = File.Create(complete))
        using (var writer = new OggOpusWriter(file, Rate))
        {
            writer.Write(VoiceLike(seconds: 1.0));
            writer.Complete();
        }

        Assert.True(new FileInfo(opusFile).Length < new FileInfo(complete).Length);
    }

    private static float[] VoiceLike(double seconds)
    {
        // Harmonics of a 150 Hz voice under a 4 Hz syllable envelope: what a review sounds like to a codec.
        var samples = new float[(int)(seconds * Rate)];
        for (var i = 0; i < samples.Length; i++)
        {
            var t = (double)i / Rate;
            var envelope = 0.5 * (1 - Math.Cos(2 * Math.PI * 4 * t));
            var tone = 0.0;
            for (var harmonic = 1; harmonic <= 8; harmonic++)
            {
                tone += Math.Sin(2 * Math.PI * 150 * harmonic * t) / harmonic;
            }

            samples[i] = (float)(0.25 * envelope * tone);
        }

        return samples;
    }

    private static double Correlation(float[] a, float[] b)
    {
        var n = Math.Min(a.Length, b.Length);
        double ab = 0, aa = 0, bb = 0;
        for (var i = 0; i < n; i++)
        {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }

        return ab / Math.Sqrt(aa * bb);
    }
}
