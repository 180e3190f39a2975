using System.Globalization;
using System.Text;
using EdgeSentiment.Core.Mood;
using EdgeSentiment.Core.Summaries;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Testing;
using LiteDB;

namespace EdgeSentiment.Device.Tests.Storage;

/// <summary>What someone holding the SD card, but not the key, can read from the database file.</summary>
public sealed class RawFileTests : IDisposable
{
    // Distinctive values, so a hit in the file cannot be a coincidence.
    private const float Negative = 0.137912f;
    private const float Neutral = 0.241357f;
    private const float Positive = 0.620731f;
    private const string Title = "Secret Premiere";
    private readonly StoreTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public void RawFile_HoldsNoLabelWordsScoresOrTitles()
    {
        WriteEverything();

        var bytes = ReadAllFiles();
        var needles = new List<(string What, byte[] Bytes)>();
        foreach (var word in new[] { "negative", "neutral", "positive", "Negative", "Neutral", "Positive", "NEGATIVE", "NEUTRAL", "POSITIVE", Title })
        {
            needles.Add((word, Encoding.UTF8.GetBytes(word)));
            needles.Add((word + " (UTF-16)", Encoding.Unicode.GetBytes(word)));
        }

        foreach (var score in new[] { Negative, Neutral, Positive })
        {
            needles.Add(($"{score} as text", Encoding.ASCII.GetBytes(score.ToString("R", CultureInfo.InvariantCulture))));
            needles.Add(($"{score} as text (4 digits)", Encoding.ASCII.GetBytes(score.ToString("0.0000", CultureInfo.InvariantCulture))));
            needles.Add(($"{score} as float", BitConverter.GetBytes(score)));
            needles.Add(($"{score} as double", BitConverter.GetBytes((double)score)));
        }

        foreach (var (what, needle) in needles)
        {
            Assert.True(bytes.AsSpan().IndexOf(needle) < 0, $"the raw database file contains {what}");
        }
    }

    [Fact]
    public void RawFile_ContainsTheRecords_SoTheSearchAboveWouldSeeThem()
    {
        WriteEverything();

        // The key id is stored in clear on every record: finding it proves the search reads the records.
        using var store = _bed.Open();
        var keyId = store.GetStatus().KeyId;
        store.Dispose();
        Assert.True(ReadAllFiles().AsSpan().IndexOf(Encoding.UTF8.GetBytes(keyId)) >= 0);
    }

    [Fact]
    public void NoCollection_HoldsAudio_OrAnyFieldBeyondTimeKindKeyIdFormatAndSealedPayload()
    {
        WriteEverything();

        using var db = new LiteDatabase(new ConnectionString { Filename = _bed.DatabasePath, Connection = ConnectionType.Direct });
        var allowed = new HashSet<string>(StringComparer.Ordinal) { "_id", "t", "k", "kind", "f", "p" };
        foreach (var name in db.GetCollectionNames())
        {
            foreach (var document in db.GetCollection(name).FindAll())
            {
                if (name == StoreCollections.Meta)
                {
                    // The key id record, and the count of outbox entries dropped unpublished.
                    Assert.True(
                        document.Keys.Order(StringComparer.Ordinal).SequenceEqual(["_id", "keyId", "rotatingTo"])
                        || document.Keys.Order(StringComparer.Ordinal).SequenceEqual(["_id", "outboxDropped"]),
                        $"meta holds {string.Join(", ", document.Keys)}");
                    continue;
                }

                Assert.All(document.Keys, key => Assert.Contains(key, allowed));

                // Two seconds of 16 kHz audio is 32 000 samples; no payload comes near even one frame's worth.
                Assert.True(document["p"].AsBinary.Length < 1024, $"{name} holds a {document["p"].AsBinary.Length}-byte payload");
            }
        }
    }

    private void WriteEverything()
    {
        using var store = _bed.Open();
        for (var i = 0; i < 40; i++)
        {
            store.AppendWindow(StoreTestBed.Origin.AddSeconds(2 * i), StoreTestBed.Window(Negative, Neutral, Positive));
        }

        var tally = new SentimentTally(40, 40, 0, 0, 40, new(Negative, Neutral, Positive));
        store.AppendMinute(new MinuteSummary(StoreTestBed.Origin, tally, AudienceMood.Positive));
        store.AppendMinute(new MinuteSummary(StoreTestBed.Origin.AddMinutes(1), tally, AudienceMood.Negative));
        store.AppendMinute(new MinuteSummary(StoreTestBed.Origin.AddMinutes(2), tally, AudienceMood.Neutral));
        var session = store.BeginSession(StoreTestBed.Origin, Title)!.Value;
        store.EndSession(session, StoreTestBed.Origin.AddHours(1), tally, AudienceMood.Positive);
        store.AppendEvent(new DeviceEvent(StoreTestBed.Origin, DeviceEventKind.Fault, "negative neutral positive"));
    }

    private byte[] ReadAllFiles()
    {
        using var all = new MemoryStream();
        foreach (var file in Directory.EnumerateFiles(_bed.Folder, "results*"))
        {
            var bytes = File.ReadAllBytes(file);
            all.Write(bytes);
        }

        return all.ToArray();
    }
}
