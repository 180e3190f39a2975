using System.Text;
using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Device.Tests.Storage;

/// <summary>The live transcripts in the encrypted store: readable with the key, unreadable in the file without it.</summary>
public sealed class TranscriptStoreTests : IDisposable
{
    // A distinctive sentence, so a hit in the file cannot be a coincidence.
    private const string Words = "the xylophone quartet was marvellously dreadful";
    private readonly StoreTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    public static TranscriptRecord Record(DateTime startUtc, string text = Words) => new(
        startUtc,
        3.5,
        text,
        0.42f,
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length,
        new SentimentScores(0.2f, 0.3f, 0.5f),
        new SentimentScores(0.7f, 0.2f, 0.1f),
        new SentimentScores(0.45f, 0.25f, 0.3f),
        SentimentLabel.Negative,
        WordsUsed: true);

    [Fact]
    public void AppendTranscript_ReopenedWithTheKey_ReadsTheRecordBack()
    {
        var written = Record(StoreTestBed.Origin.AddMinutes(5));
        using (var store = _bed.Open())
        {
            Assert.True(store.AppendTranscript(written));
            Assert.True(store.AppendTranscript(Record(StoreTestBed.Origin.AddMinutes(9), "later words")));
        }

        using (var store = _bed.Open())
        {
            var read = store.ReadTranscripts(StoreTestBed.Origin, StoreTestBed.Origin.AddMinutes(6));
            Assert.Equal(written, Assert.Single(read).Value);
            Assert.Equal(written.StartUtc, read[0].TimeUtc);
            Assert.Equal(2, store.GetStatus().RecordCounts[StoreCollections.Transcripts]);
            Assert.Equal(0, store.GetStatus().TamperedRecords);
        }

        _bed.Logger.AssertNoErrors();
    }

    [Fact]
    public void AppendTranscript_RawDatabaseFile_HoldsNoneOfTheWords()
    {
        using (var store = _bed.Open())
        {
            for (var i = 0; i < 20; i++)
            {
                Assert.True(store.AppendTranscript(Record(StoreTestBed.Origin.AddSeconds(10 * i))));
            }
        }

        using var all = new MemoryStream();
        foreach (var file in Directory.EnumerateFiles(_bed.Folder, "results*"))
        {
            all.Write(File.ReadAllBytes(file));
        }

        var bytes = all.ToArray();
        foreach (var word in new[] { Words, "xylophone", "marvellously", "dreadful" })
        {
            Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(word)) < 0, $"the raw database file contains '{word}'");
            Assert.True(bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(word)) < 0, $"the raw database file contains '{word}' (UTF-16)");
        }

        // The records are there, sealed: the key id is stored in clear beside each.
        using var reopened = _bed.Open();
        Assert.Equal(20, reopened.ReadTranscripts(DateTime.MinValue, DateTime.MaxValue).Count);
    }

    [Fact]
    public void ApplyRetention_TranscriptOlderThanTheRetention_IsRemoved()
    {
        using var store = _bed.Open();
        var now = StoreTestBed.Origin.AddDays(_bed.Options.RetentionDays + 1);
        Assert.True(store.AppendTranscript(Record(StoreTestBed.Origin)));
        Assert.True(store.AppendTranscript(Record(now.AddHours(-1), "recent words")));

        var report = store.ApplyRetention(now);

        Assert.Equal(1, report.ExpiredByAge);
        Assert.Equal("recent words", Assert.Single(store.ReadTranscripts(DateTime.MinValue, DateTime.MaxValue)).Value.Text);
    }

    [Fact]
    public void KeyRotation_Transcripts_OpenWithTheNewKey()
    {
        using (var store = _bed.Open())
        {
            Assert.True(store.AppendTranscript(Record(StoreTestBed.Origin)));
        }

        KeyRotation.Rotate(_bed.DatabasePath, _bed.KeyPath);

        using (var store = _bed.Open())
        {
            Assert.Equal(Words, Assert.Single(store.ReadTranscripts(DateTime.MinValue, DateTime.MaxValue)).Value.Text);
            Assert.Equal(0, store.GetStatus().TamperedRecords);
        }
    }
}
