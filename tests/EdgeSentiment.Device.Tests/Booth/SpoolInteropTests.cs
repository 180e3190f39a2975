using System.Text.Json;
using EdgeSentiment.Device.Booth;
using EdgeSentiment.Device.Booth.Age;
using EdgeSentiment.Testing;
using Microsoft.Extensions.Logging.Testing;

namespace EdgeSentiment.Device.Tests.Booth;

/// <summary>A review as the studio receives it: opened with the age binary, played with opusdec.</summary>
public sealed class SpoolInteropTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Review_SealedByBooth_OpensWithAgeAndPlaysWithOpusdec()
    {
        var (keyFile, recipient) = AgeTool.KeyGen(_folder, "studio-key.txt");
        var options = new BoothOptions { Enabled = true, EndOfSpeechSeconds = 30 };
        options.Recipients.Add(recipient);
        var spool = new ReviewSpool(_folder.PathOf("reviews"), options.SpoolLimitBytes, [AgeRecipient.Parse(recipient)]);
        var logger = new FakeLogger();
        var voice = Voice.Like(seconds: 2.5);
        using (var booth = new ReviewBooth(spool, options, "foyer-1", Voice.Rate, TimeProvider.System, logger))
        {
            booth.Press();
            for (var at = 0; at < voice.Length; at += 1600)
            {
                booth.OnAudio(voice.AsSpan(at, Math.Min(1600, voice.Length - at)), TimeSpan.FromSeconds((double)at / Voice.Rate));
            }

            booth.Press();
        }

        var id = Assert.Single(spool.Waiting());
        var opus = _folder.PathOf("review.opus");
        var json = _folder.PathOf("review.json");
        var openAudio = ExternalTool.Run("age", "-d", "-i", keyFile, "-o", opus, spool.AudioPath(id));
        var openDocument = ExternalTool.Run("age", "-d", "-i", keyFile, "-o", json, spool.DocumentPath(id));
        Assert.True(openAudio.ExitCode == 0, openAudio.Error);
        Assert.True(openDocument.ExitCode == 0, openDocument.Error);

        var decodedFile = _folder.PathOf("decoded.wav");
        var play = ExternalTool.Run("opusdec", "--quiet", "--rate", "16000", opus, decodedFile);
        Assert.True(play.ExitCode == 0, play.Error);
        var decoded = TestWav.ReadPcm16(decodedFile);
        Assert.InRange(decoded.Length, voice.Length - 160, voice.Length + 160);
        Assert.True(Voice.Correlation(voice, decoded) > 0.9);

        var document = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        Assert.Equal(id, document.GetProperty("id").GetString());
        Assert.Equal(2.5, document.GetProperty("durationSeconds").GetDouble());
        logger.AssertNoErrors();
    }
}
