using EdgeSentiment.Cli.Status;
using EdgeSentiment.Cli.Terminal;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Core.Mood;
using EdgeSentiment.Device.Control.Contract;
using EdgeSentiment.Device.Publishing;

namespace EdgeSentiment.Cli.Tests.Status;

public sealed class StatusTextTests
{
    [Fact]
    public void Write_SummariesDroppedWhileWritesFailed_SaysHowMany()
    {
        var text = Render(Reply(droppedSummaries: 85));

        Assert.Contains("85 minute summaries dropped unwritten", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NothingDropped_SaysNothingOfDroppedSummaries()
    {
        var text = Render(Reply(droppedSummaries: 0));

        Assert.DoesNotContain("summaries dropped", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_FilmWindow_SaysItWasTheFilmsAndCountsTheFilm()
    {
        var mood = new MoodReply(2, DateTime.UtcNow, AudienceMood.Film, false, true, null, null, -20, Film: true, FilmSpeaks: true, AudienceOverFilm: false);

        var text = Render(Reply(droppedSummaries: 0) with { Mood = mood, Pipeline = new PipelineCounts(600, 0, 0, 0, -30, FilmWindows: 240, AudienceOverFilmWindows: 35) });

        Assert.Contains("FILM (last window the film's speech", text, StringComparison.Ordinal);
        Assert.Contains("240 the film's, 35 with the audience speaking over the film", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_AudienceOverTheFilm_SaysSo()
    {
        var mood = new MoodReply(2, DateTime.UtcNow, AudienceMood.Positive, false, true, SentimentLabel.Positive, null, -20, Film: false, FilmSpeaks: true, AudienceOverFilm: true);

        var text = Render(Reply(droppedSummaries: 0) with { Mood = mood });

        Assert.Contains("last window speech, positive, over the film", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_TranscriptionOn_CountsUtterancesOnly()
    {
        var text = Render(Reply(droppedSummaries: 0) with { Transcription = new TranscriptionCounts(42, 3, 1, 12.5) });

        Assert.Contains("Transcripts  42 utterances transcribed, kept sealed; 3 dropped (the recogniser was behind), 1 failed; 12.5 s queued", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_TranscriptionOff_HasNoTranscriptsLine() =>
        Assert.DoesNotContain("Transcripts", Render(Reply(droppedSummaries: 0)), StringComparison.Ordinal);

    private static string Render(StatusReply reply)
    {
        using var output = new StringWriter();
        StatusText.Write(output, reply, TerminalColors.Plain);
        return output.ToString();
    }

    private static StatusReply Reply(long droppedSummaries) => new(
        2,
        "0.1.0",
        DateTime.UtcNow.AddMinutes(-5),
        300,
        new ModelInfo("/opt/edgesentiment/models/sentiment-int8.onnx", "ds-cnn-sentiment", "2026.11.3", "int8"),
        null,
        new PipelineCounts(600, 0, 0, 0, -30),
        new StoreInfo("/var/lib/edgesentiment/results.db", "02243c2d", 1 << 20, new Dictionary<string, int> { ["windows"] = 600 }, true, 12, 40, 0, "/etc/edgesentiment/edgesentiment.key")
        {
            DroppedSummaries = droppedSummaries,
        },
        new BrokerInfo(MqttConnectionState.Disabled, "", 0, 0, null, null, null),
        null,
        [],
        1234,
        new CaptureInfo("Microphone", "default"));
}
