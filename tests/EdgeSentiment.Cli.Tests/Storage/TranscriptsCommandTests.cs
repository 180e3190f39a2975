using System.Text.Json;
using EdgeSentiment.Cli.App;
using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Device.Storage.Sealing;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Storage;

public sealed class TranscriptsCommandTests : IDisposable
{
    private readonly StoreTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public void Transcripts_Json_GivesTheDecryptedRecordsSinceTheTime()
    {
        Seed();

        var (code, output, error) = Run("transcripts", "--since", "2026-11-20T18:01Z", "--json", "--database", _bed.DatabasePath, "--key", _bed.KeyPath);

        Assert.True(code == ExitCodes.Ok, error);
        using var doc = JsonDocument.Parse(output);
        var record = Assert.Single(doc.RootElement.EnumerateArray());
        Assert.Equal("what a dreadful ending", record.GetProperty("transcript").GetString());
        Assert.Equal(4, record.GetProperty("words").GetInt32());
        Assert.Equal(new DateTime(2026, 11, 20, 18, 2, 0, DateTimeKind.Utc), record.GetProperty("startUtc").GetDateTime().ToUniversalTime());
        Assert.Equal("negative", record.GetProperty("fused").GetProperty("label").GetString());
        Assert.True(record.GetProperty("fused").GetProperty("wordsUsed").GetBoolean());
        Assert.Equal(0.7, record.GetProperty("text").GetProperty("negative").GetDouble(), 4);
    }

    [Fact]
    public void Transcripts_Lines_ShowEachUtterancesVerdictAndWords()
    {
        Seed();

        var (code, output, _) = Run("transcripts", "--since", "2026-11-20", "--database", _bed.DatabasePath, "--key", _bed.KeyPath);

        Assert.Equal(ExitCodes.Ok, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("\"\" (0 words", lines[0], StringComparison.Ordinal);
        Assert.Contains("negative (voice and words)", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"what a dreadful ending\" (4 words, confidence 0.42)", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Transcripts_AnotherKey_FailsAndShowsNothing()
    {
        Seed();
        var other = Path.Combine(_bed.Folder, "other.key");
        using (var key = StoreKey.Generate())
        {
            StoreKeyFile.Write(other, key);
        }

        var (code, output, error) = Run("transcripts", "--since", "2026-11-20", "--database", _bed.DatabasePath, "--key", other);

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Equal("", output);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Transcripts_NoneStored_SaysWhereTheyComeFrom()
    {
        using (_bed.Open())
        {
        }

        var (code, output, _) = Run("transcripts", "--database", _bed.DatabasePath, "--key", _bed.KeyPath);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("Transcription:Enabled", output, StringComparison.Ordinal);
    }

    private void Seed()
    {
        using var store = _bed.Open();
        var voice = new SentimentScores(0.3f, 0.4f, 0.3f);
        store.AppendTranscript(new TranscriptRecord(StoreTestBed.Origin, 2.0, "", 0f, 0, voice, null, voice, SentimentLabel.Neutral, false));
        var text = new SentimentScores(0.7f, 0.2f, 0.1f);
        store.AppendTranscript(new TranscriptRecord(
            StoreTestBed.Origin.AddMinutes(2), 3.5, "what a dreadful ending", 0.42f, 4, voice, text, new SentimentScores(0.5f, 0.3f, 0.2f), SentimentLabel.Negative, true));
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, new CliConsole(output, error, IsInteractive: false));
        return (code, output.ToString(), error.ToString());
    }
}
