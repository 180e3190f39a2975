using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeSentiment.Core.Mood;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Device.Storage.Outbox;
using EdgeSentiment.Device.Storage.Sealing;
using EdgeSentiment.Testing;
using LiteDB;

namespace EdgeSentiment.Device.Tests.Storage;

public sealed class LiteDbResultStoreTests : IDisposable
{
    private static readonly DateTime All = DateTime.MaxValue;
    private readonly StoreTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public void Records_SurviveReopen_AndDecrypt()
    {
        Guid minuteId;
        Guid sessionId;
        using (var store = _bed.Open())
        {
            Assert.True(store.AppendWindow(StoreTestBed.Origin, StoreTestBed.Window(0.1f, 0.2f, 0.7f)));
            minuteId = store.AppendMinute(StoreTestBed.Minute(0))!.Value;
            sessionId = store.BeginSession(StoreTestBed.Origin, "Night of the Living Dead")!.Value;
            var aggregate = StoreTestBed.Minute(0).Tally;
            Assert.True(store.EndSession(sessionId, StoreTestBed.Origin.AddHours(2), aggregate, AudienceMood.Neutral));
            Assert.True(store.AppendEvent(new DeviceEvent(StoreTestBed.Origin, DeviceEventKind.Fault, "microphone unplugged")));
        }

        using (var store = _bed.Open())
        {
            var window = Assert.Single(store.ReadWindows(DateTime.MinValue, All));
            Assert.Equal(StoreTestBed.Origin, window.TimeUtc);
            Assert.Equal(0.7f, window.Value.Scores.Positive);
            var minute = Assert.Single(store.ReadMinutes(DateTime.MinValue, All));
            Assert.Equal(minuteId, minute.Id);
            Assert.Equal(StoreTestBed.Minute(0), minute.Value);
            var session = Assert.Single(store.ReadSessions(DateTime.MinValue, All));
            Assert.Equal(sessionId, session.Id);
            Assert.Equal("Night of the Living Dead", session.Value.Title);
            Assert.Equal(StoreTestBed.Origin.AddHours(2), session.Value.EndUtc);
            Assert.Equal(30, session.Value.Aggregate.WindowCount);
            var deviceEvent = Assert.Single(store.ReadEvents(DateTime.MinValue, All));
            Assert.Equal(DeviceEventKind.Fault, deviceEvent.Value.Kind);
            Assert.Equal("microphone unplugged", deviceEvent.Value.Detail);
            Assert.Equal(0, store.GetStatus().TamperedRecords);
        }

        _bed.Logger.AssertNoErrors();
    }

    [Fact]
    public void FilmCounts_SurviveReopen()
    {
        var tally = StoreTestBed.Minute(0).Tally with { FilmWindowCount = 12, AudienceOverFilmCount = 3 };
        using (var store = _bed.Open())
        {
            Assert.True(store.AppendWindow(StoreTestBed.Origin, StoreTestBed.Window(0.1f, 0.2f, 0.7f) with { FilmSpeaks = true }));
            store.AppendMinute(StoreTestBed.Minute(0) with { Tally = tally, DominantMood = AudienceMood.Film });
            var session = store.BeginSession(StoreTestBed.Origin, "Matinee")!.Value;
            Assert.True(store.EndSession(session, StoreTestBed.Origin.AddHours(2), tally, AudienceMood.Film));
        }

        using (var store = _bed.Open())
        {
            Assert.True(Assert.Single(store.ReadWindows(DateTime.MinValue, All)).Value.FilmSpeaks);
            var minute = Assert.Single(store.ReadMinutes(DateTime.MinValue, All)).Value;
            Assert.Equal(tally, minute.Tally);
            Assert.Equal(AudienceMood.Film, minute.DominantMood);
            var session = Assert.Single(store.ReadSessions(DateTime.MinValue, All)).Value;
            Assert.Equal((12, 3), (session.Aggregate.FilmWindowCount, session.Aggregate.AudienceOverFilmCount));
            Assert.Equal(AudienceMood.Film, session.DominantMood);
        }

        _bed.Logger.AssertNoErrors();
    }

    [Fact]
    public void RecordsWrittenBeforeFilmWasCounted_ReadWithZeroFilmCounts()
    {
        using (var store = _bed.Open())
        {
            store.AppendWindow(StoreTestBed.Origin, StoreTestBed.Window(0.1f, 0.2f, 0.7f) with { FilmSpeaks = true });
            store.AppendMinute(StoreTestBed.Minute(0) with { Tally = StoreTestBed.Minute(0).Tally with { FilmWindowCount = 12, AudienceOverFilmCount = 3 } });
            var session = store.BeginSession(StoreTestBed.Origin, "Matinee")!.Value;
            store.EndSession(session, StoreTestBed.Origin.AddHours(2), StoreTestBed.Minute(0).Tally with { FilmWindowCount = 7 }, AudienceMood.Positive);
        }

        // Every record as an earlier version wrote it: the same JSON without the film's fields.
        string[] newer = ["FilmSpeaks", "IsAudienceOverFilm", "FilmWindowCount", "AudienceOverFilmCount", "FilmRatio", "AudienceOverFilmRatio"];
        var rewritten = 0;
        using (var key = StoreKeyFile.Load(_bed.KeyPath))
        using (var sealer = new RecordSealer(key))
        using (var db = RawDatabase())
        {
            foreach (var name in StoreCollections.Sealed)
            {
                var records = new SealedCollection(db, name, sealer);
                foreach (var document in records.Documents.FindAll().ToList())
                {
                    var json = JsonNode.Parse(records.Open(document)!);
                    if (json is not JsonObject || !RemoveAll(json, newer))
                    {
                        continue;
                    }

                    document.Remove(SealedCollection.Format);
                    document[SealedCollection.Payload] = sealer.Seal(name, document["_id"].AsGuid, null, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(json));
                    records.Documents.Update(document);
                    rewritten++;
                }
            }
        }

        Assert.Equal(3, rewritten);
        using (var store = _bed.Open())
        {
            Assert.False(Assert.Single(store.ReadWindows(DateTime.MinValue, All)).Value.FilmSpeaks);
            var minute = Assert.Single(store.ReadMinutes(DateTime.MinValue, All)).Value;
            Assert.Equal(StoreTestBed.Minute(0).Tally, minute.Tally);
            Assert.Equal(0, minute.Tally.FilmRatio);
            var session = Assert.Single(store.ReadSessions(DateTime.MinValue, All)).Value;
            Assert.Equal((0, 0), (session.Aggregate.FilmWindowCount, session.Aggregate.AudienceOverFilmCount));
            Assert.Equal(0, store.GetStatus().TamperedRecords);
        }

        _bed.Logger.AssertNoErrors();
    }

    [Fact]
    public void ReadMinutes_ReturnsOnlyTheAskedRange_InTimeOrder()
    {
        using var store = _bed.Open();
        foreach (var minute in new[] { 5, 1, 3, 2, 4 })
        {
            store.AppendMinute(StoreTestBed.Minute(minute));
        }

        var read = store.ReadMinutes(StoreTestBed.Origin.AddMinutes(2), StoreTestBed.Origin.AddMinutes(4));

        Assert.Equal([StoreTestBed.Origin.AddMinutes(2), StoreTestBed.Origin.AddMinutes(3)], read.Select(r => r.Value.MinuteStartUtc));
    }

    [Fact]
    public void Outbox_HoldsEachSummaryUntilAcknowledged_OldestFirst()
    {
        using var store = _bed.Open();
        store.AppendMinute(StoreTestBed.Minute(0, mood: AudienceMood.Negative));
        _bed.Time.Advance(TimeSpan.FromMinutes(1));
        store.AppendMinute(StoreTestBed.Minute(1));

        var entries = store.PeekOldest(10);
        Assert.Equal(2, entries.Count);
        using (var payload = JsonDocument.Parse(entries[0].Payload))
        {
            Assert.Equal("Negative", payload.RootElement.GetProperty("dominantMood").GetString());
        }

        Assert.True(store.Acknowledge(entries[0].MessageId));
        Assert.False(store.Acknowledge(entries[0].MessageId));
        Assert.Equal(entries[1].MessageId, Assert.Single(store.PeekOldest(10)).MessageId);
        Assert.Equal(2, store.ReadMinutes(DateTime.MinValue, All).Count);
    }

    [Fact]
    public void Outbox_OverItsLimit_DropsTheOldestAndCountsThem()
    {
        _bed.Options.OutboxMaxEntries = 3;
        using var store = _bed.Open();
        for (var minute = 0; minute < 5; minute++)
        {
            store.AppendMinute(StoreTestBed.Minute(minute));
            _bed.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var entries = store.PeekOldest(10);
        Assert.Equal(3, entries.Count);
        Assert.Equal(StoreTestBed.Origin.AddMinutes(2), entries[0].CreatedUtc);
        Assert.Equal(2, store.GetStatus().OutboxDropped);
        Assert.Equal(5, store.ReadMinutes(DateTime.MinValue, All).Count);
    }

    [Fact]
    public void OutboxDropCount_SurvivesAReopen_AndKeepsCounting()
    {
        _bed.Options.OutboxMaxEntries = 3;
        using (var store = _bed.Open())
        {
            for (var minute = 0; minute < 5; minute++)
            {
                store.AppendMinute(StoreTestBed.Minute(minute));
                _bed.Time.Advance(TimeSpan.FromMinutes(1));
            }

            Assert.Equal(2, store.GetStatus().OutboxDropped);
        }

        using (var store = _bed.Open())
        {
            Assert.Equal(2, store.GetStatus().OutboxDropped);
            store.AppendMinute(StoreTestBed.Minute(5));
            Assert.Equal(3, store.GetStatus().OutboxDropped);
        }

        using (var store = _bed.Open())
        {
            Assert.Equal(3, store.GetStatus().OutboxDropped);
        }

        _bed.Logger.AssertNoErrors();
    }

    [Fact]
    public void EndSession_QueuesTheSessionSummary_BesideTheMinutes_AndKeepsItAcrossAReopen()
    {
        Guid sessionId;
        var aggregate = StoreTestBed.Minute(0).Tally;
        using (var store = _bed.Open())
        {
            store.AppendMinute(StoreTestBed.Minute(0));
            _bed.Time.Advance(TimeSpan.FromMinutes(1));
            sessionId = store.BeginSession(StoreTestBed.Origin, "Matinee")!.Value;
            Assert.True(store.EndSession(sessionId, StoreTestBed.Origin.AddHours(2), aggregate, AudienceMood.Positive));
            Assert.False(store.EndSession(Guid.CreateVersion7(), StoreTestBed.Origin.AddHours(2), aggregate, AudienceMood.Positive));
        }

        using (var store = _bed.Open())
        {
            var entries = store.PeekOldest(10);
            Assert.Equal([OutboxKind.Summary, OutboxKind.Session], entries.Select(e => e.Kind));
            using var body = JsonDocument.Parse(entries[1].Payload);
            var session = body.RootElement;
            Assert.Equal(sessionId, session.GetProperty("sessionId").GetGuid());
            Assert.Equal("Matinee", session.GetProperty("title").GetString());
            Assert.Equal(StoreTestBed.Origin.AddHours(2), session.GetProperty("endUtc").GetDateTime().ToUniversalTime());
            Assert.Equal("Positive", session.GetProperty("dominantMood").GetString());
            Assert.Equal(aggregate.WindowCount, session.GetProperty("tally").GetProperty("windowCount").GetInt32());
            Assert.Equal(AudienceMood.Positive, Assert.Single(store.ReadSessions(DateTime.MinValue, All)).Value.DominantMood);
            Assert.Equal(2, store.Count());
        }

        _bed.Logger.AssertNoErrors();
    }

    [Fact]
    public void PeekOldest_ForAnyCount_AllocatesForWhatIsThere()
    {
        using var store = _bed.Open();
        store.AppendMinute(StoreTestBed.Minute(0));
        store.AppendMinute(StoreTestBed.Minute(1));
        store.PeekOldest(1);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var entries = store.PeekOldest(int.MaxValue);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(2, entries.Count);
        // A list sized for the count asked would be 16 GiB of references (or an OutOfMemoryException).
        Assert.True(allocated < 4 * 1024 * 1024, $"PeekOldest(int.MaxValue) allocated {allocated} bytes for 2 entries");
    }

    [Fact]
    public void Status_CountsTheWindowsWaitingForTheirBatch_WithoutWritingThem()
    {
        // `edgesentiment status` polled every second must not turn the window batch into one
        // SD-card transaction per poll.
        using var store = _bed.Open();
        for (var i = 0; i < 5; i++)
        {
            store.AppendWindow(StoreTestBed.Origin.AddSeconds(2 * i), StoreTestBed.Window(0.1f, 0.2f, 0.7f));
        }

        var before = DatabaseFiles();
        for (var poll = 0; poll < 10; poll++)
        {
            Assert.Equal(5, store.GetStatus().RecordCounts[StoreCollections.Windows]);
        }

        Assert.Equal(before, DatabaseFiles());
        Assert.Equal(5, store.ReadWindows(DateTime.MinValue, DateTime.MaxValue).Count);
    }

    [Fact]
    public void StatusReads_OfSessionsEventsMinutesAndWindows_DoNotWriteTheWindowsWaitingForTheirBatch()
    {
        // The control socket's status reads the running session and the recent faults; a poll must
        // cost no write, or polling status turns the window batch into a transaction per poll.
        using var store = _bed.Open();
        var session = store.BeginSession(StoreTestBed.Origin, "matinee");
        store.AppendEvent(new DeviceEvent(StoreTestBed.Origin, DeviceEventKind.Fault, "microphone unavailable"));
        for (var i = 0; i < 5; i++)
        {
            store.AppendWindow(StoreTestBed.Origin.AddSeconds(2 * i), StoreTestBed.Window(0.1f, 0.2f, 0.7f));
        }

        var before = DatabaseFiles();
        for (var poll = 0; poll < 3; poll++)
        {
            Assert.Equal(session, Assert.Single(store.ReadSessions(DateTime.MinValue, All)).Id);
            Assert.Single(store.ReadEvents(DateTime.MinValue, All));
            Assert.Empty(store.ReadMinutes(DateTime.MinValue, All));
            Assert.Equal(StoreTestBed.Origin.AddSeconds(8), store.ReadWindows(DateTime.MinValue, All)[^1].TimeUtc);
            Assert.Equal(5, store.ReadWindows(StoreTestBed.Origin, StoreTestBed.Origin.AddSeconds(10)).Count);
            Assert.Equal(2, store.ReadWindows(StoreTestBed.Origin.AddSeconds(2), StoreTestBed.Origin.AddSeconds(6)).Count);
        }

        Assert.Equal(before, DatabaseFiles());
    }

    [Fact]
    public void ReadMinutesInSlices_SkipsGapsInOneStep_AndMovesPastASliceOfUnreadableRecords()
    {
        const int Day = 24 * 60;
        using (var store = _bed.Open())
        {
            foreach (var minute in new[] { 0, 1, Day - 1, 40 * Day, 80 * Day })
            {
                store.AppendMinute(StoreTestBed.Minute(minute));
            }
        }

        using (var db = RawDatabase())
        {
            // The only record of day 40 no longer opens.
            var minutes = db.GetCollection(StoreCollections.Minutes);
            var document = minutes.FindAll().Single(d => d["t"].AsDateTime.ToUniversalTime() == StoreTestBed.Origin.AddMinutes(40 * Day));
            var payload = document["p"].AsBinary;
            payload[^1] ^= 0x01;
            document["p"] = payload;
            minutes.Update(document);
        }

        using (var store = _bed.Open())
        {
            var slices = store.ReadMinutesInSlices(DateTime.MinValue, DateTime.MaxValue, ResultStoreSlices.Day).ToList();

            Assert.Equal([3, 0, 1], slices.Select(slice => slice.Count));
            Assert.Equal(
                new[] { 0, 1, Day - 1, 80 * Day }.Select(m => StoreTestBed.Origin.AddMinutes(m)),
                slices.SelectMany(slice => slice).Select(r => r.Value.MinuteStartUtc));
            Assert.Empty(store.ReadMinutesInSlices(StoreTestBed.Origin.AddMinutes(2), StoreTestBed.Origin.AddMinutes(Day - 1), ResultStoreSlices.Day).SelectMany(slice => slice));
        }
    }

    [Fact]
    public void Open_WhileAnotherStoreHoldsTheFile_SaysToStopTheAgent()
    {
        using var store = _bed.Open();

        var e = Assert.Throws<StoreOpenException>(() => _bed.Open());

        Assert.True(e.InUse);
        Assert.Contains("systemctl stop edgesentiment", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TamperedCiphertext_IsReportedAndSkipped_NotDeleted()
    {
        using (var store = _bed.Open())
        {
            store.AppendMinute(StoreTestBed.Minute(0));
            store.AppendMinute(StoreTestBed.Minute(1));
        }

        Guid tamperedId;
        using (var db = RawDatabase())
        {
            var minutes = db.GetCollection(StoreCollections.Minutes);
            var document = minutes.FindAll().First();
            tamperedId = document["_id"].AsGuid;
            var payload = document["p"].AsBinary;
            payload[^1] ^= 0x01;
            document["p"] = payload;
            minutes.Update(document);
        }

        using (var store = _bed.Open())
        {
            var read = store.ReadMinutes(DateTime.MinValue, All);
            Assert.Single(read);
            Assert.DoesNotContain(read, r => r.Id == tamperedId);
            Assert.Equal(1, store.GetStatus().TamperedRecords);
            Assert.Equal(2, store.GetStatus().RecordCounts[StoreCollections.Minutes]);
        }

        Assert.Equal(1, _bed.Logger.Count(LogEvents.StoreRecordTampered));
        Assert.Contains(_bed.Logger.Collector.GetSnapshot(), e => e.Id.Id == LogEvents.StoreRecordTampered && e.Message.Contains(tamperedId.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void SwappedRecords_BothFailAuthentication()
    {
        using (var store = _bed.Open())
        {
            store.AppendMinute(StoreTestBed.Minute(0, mood: AudienceMood.Negative));
            store.AppendMinute(StoreTestBed.Minute(1, mood: AudienceMood.Positive));
        }

        using (var db = RawDatabase())
        {
            var minutes = db.GetCollection(StoreCollections.Minutes);
            var documents = minutes.FindAll().ToList();
            (documents[0]["p"], documents[1]["p"]) = (documents[1]["p"], documents[0]["p"]);
            minutes.Update(documents[0]);
            minutes.Update(documents[1]);
        }

        using (var store = _bed.Open())
        {
            Assert.Empty(store.ReadMinutes(DateTime.MinValue, All));
            Assert.Equal(2, store.GetStatus().TamperedRecords);
        }
    }

    [Fact]
    public void RecordMovedToAnotherCollection_FailsAuthentication()
    {
        using (var store = _bed.Open())
        {
            store.AppendMinute(StoreTestBed.Minute(0));
        }

        using (var db = RawDatabase())
        {
            var minute = db.GetCollection(StoreCollections.Minutes).FindAll().First();
            db.GetCollection(StoreCollections.Sessions).Insert(minute);
        }

        using (var store = _bed.Open())
        {
            Assert.Empty(store.ReadSessions(DateTime.MinValue, All));
            Assert.Equal(1, store.GetStatus().TamperedRecords);
        }
    }

    [Fact]
    public void OutboxEntryGivenAnotherKind_FailsAuthentication()
    {
        using (var store = _bed.Open())
        {
            var session = store.BeginSession(StoreTestBed.Origin, "Matinee")!.Value;
            store.EndSession(session, StoreTestBed.Origin.AddHours(2), StoreTestBed.Minute(0).Tally, AudienceMood.Positive);
        }

        using (var db = RawDatabase())
        {
            // A session summary relabelled to go out on the summary topic.
            var outbox = db.GetCollection(StoreCollections.Outbox);
            var entry = Assert.Single(outbox.FindAll());
            entry["kind"] = (int)OutboxKind.Summary;
            outbox.Update(entry);
        }

        using (var store = _bed.Open())
        {
            Assert.Empty(store.PeekOldest(10));
            Assert.Equal(1, store.GetStatus().TamperedRecords);
        }
    }

    [Fact]
    public void RecordMovedToAnotherTime_FailsAuthentication()
    {
        using (var store = _bed.Open())
        {
            store.AppendMinute(StoreTestBed.Minute(0));
        }

        using (var db = RawDatabase())
        {
            var minutes = db.GetCollection(StoreCollections.Minutes);
            var minute = minutes.FindAll().First();
            minute["t"] = minute["t"].AsDateTime.AddHours(1);
            minutes.Update(minute);
        }

        using (var store = _bed.Open())
        {
            Assert.Empty(store.ReadMinutes(DateTime.MinValue, All));
            Assert.Equal(1, store.GetStatus().TamperedRecords);
        }
    }

    [Fact]
    public void RecordsWrittenBeforeTimeAndKindWereBound_StillOpen_AndKeyRotationBindsThem()
    {
        using (var store = _bed.Open())
        {
            store.AppendMinute(StoreTestBed.Minute(0));
            var session = store.BeginSession(StoreTestBed.Origin, "Matinee")!.Value;
            store.EndSession(session, StoreTestBed.Origin.AddHours(2), StoreTestBed.Minute(0).Tally, AudienceMood.Positive);
        }

        // Every record as the store wrote it before: no format field, associated data without time and kind.
        using (var key = StoreKeyFile.Load(_bed.KeyPath))
        using (var sealer = new RecordSealer(key))
        using (var db = RawDatabase())
        {
            foreach (var name in StoreCollections.Sealed)
            {
                var records = new SealedCollection(db, name, sealer);
                foreach (var document in records.Documents.FindAll().ToList())
                {
                    var plaintext = records.Open(document)!;
                    document.Remove(SealedCollection.Format);
                    document[SealedCollection.Payload] = sealer.Seal(name, document["_id"].AsGuid, null, plaintext);
                    records.Documents.Update(document);
                }
            }
        }

        using (var store = _bed.Open())
        {
            Assert.Single(store.ReadMinutes(DateTime.MinValue, All));
            Assert.Single(store.ReadSessions(DateTime.MinValue, All));
            Assert.Equal([OutboxKind.Summary, OutboxKind.Session], store.PeekOldest(10).Select(e => e.Kind));
            Assert.Equal(0, store.GetStatus().TamperedRecords);
        }

        KeyRotation.Rotate(_bed.DatabasePath, _bed.KeyPath);

        using (var db = RawDatabase())
        {
            foreach (var name in StoreCollections.Sealed)
            {
                Assert.All(db.GetCollection(name).FindAll(), d => Assert.Equal(SealedCollection.CurrentFormat, d[SealedCollection.Format].AsInt32));
            }
        }

        using (var store = _bed.Open())
        {
            Assert.Single(store.ReadMinutes(DateTime.MinValue, All));
            Assert.Equal([OutboxKind.Summary, OutboxKind.Session], store.PeekOldest(10).Select(e => e.Kind));
            Assert.Equal(0, store.GetStatus().TamperedRecords);
        }

        _bed.Logger.AssertNoErrors();
    }

    [Fact]
    public void WrongKey_FailsClearly_AndLeavesTheFileUntouched()
    {
        using (var store = _bed.Open())
        {
            store.AppendMinute(StoreTestBed.Minute(0));
        }

        var before = Hash(_bed.DatabasePath);
        var otherKey = Path.Combine(_bed.Folder, "other.key");
        using (var key = StoreKey.Generate())
        {
            StoreKeyFile.Write(otherKey, key);
        }

        var e = Assert.Throws<StoreKeyException>(() => _bed.Open(otherKey));

        Assert.Contains(otherKey, e.Message, StringComparison.Ordinal);
        Assert.Contains("not the key", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, Hash(_bed.DatabasePath));
        using var reopened = _bed.Open();
        Assert.Single(reopened.ReadMinutes(DateTime.MinValue, All));
    }

    [Fact]
    public void NotADatabase_FailsClearly_AndIsLeftAsItIs()
    {
        File.WriteAllText(_bed.DatabasePath, "these are not the pages you are looking for");
        var before = Hash(_bed.DatabasePath);

        var e = Assert.ThrowsAny<Exception>(() => _bed.Open());

        Assert.True(e is StoreOpenException or StoreKeyException, e.ToString());
        Assert.Equal(before, Hash(_bed.DatabasePath));
    }

    // Removes the named properties wherever they are in the tree; true when one was there.
    private static bool RemoveAll(JsonNode node, string[] names)
    {
        var removed = false;
        if (node is JsonObject json)
        {
            foreach (var name in names)
            {
                removed |= json.Remove(name);
            }

            foreach (var (_, child) in json)
            {
                if (child is not null)
                {
                    removed |= RemoveAll(child, names);
                }
            }
        }

        return removed;
    }

    private LiteDatabase RawDatabase() =>
        new(new ConnectionString { Filename = _bed.DatabasePath, Connection = ConnectionType.Direct });

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private string DatabaseFiles() => string.Join(
        ", ",
        Directory.GetFiles(_bed.Folder, "results*").Order(StringComparer.Ordinal)
            .Select(path => $"{Path.GetFileName(path)} {new FileInfo(path).Length} {File.GetLastWriteTimeUtc(path):O}"));
}
