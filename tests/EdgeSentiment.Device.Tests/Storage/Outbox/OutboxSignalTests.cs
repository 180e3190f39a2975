using EdgeSentiment.Core.Mood;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Device.Tests.Storage.Outbox;

public sealed class OutboxSignalTests : IDisposable
{
    private readonly StoreTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public void AppendMinute_Committed_RaisesEnqueuedOnce_WithTheEntryAlreadyReadable()
    {
        using var store = _bed.Open();
        var seen = new List<int>();
        store.Enqueued += (_, _) => seen.Add(store.PeekOldest(10).Count);

        Assert.NotNull(store.AppendMinute(StoreTestBed.Minute(0)));
        Assert.NotNull(store.AppendMinute(StoreTestBed.Minute(1)));

        Assert.Equal([1, 2], seen);
    }

    [Fact]
    public void EndSession_RaisesEnqueued_WhileWindowsEventsAndAcknowledgeDoNot()
    {
        using var store = _bed.Open();
        var raised = 0;
        store.Enqueued += (_, _) => raised++;
        var session = store.BeginSession(StoreTestBed.Origin, "matinee")!.Value;
        for (var i = 0; i < 40; i++)
        {
            store.AppendWindow(StoreTestBed.Origin.AddSeconds(i), StoreTestBed.Window(0.2f, 0.3f, 0.5f));
        }

        store.AppendEvent(new DeviceEvent(StoreTestBed.Origin, DeviceEventKind.Fault, "microphone unavailable"));
        Assert.Equal(0, raised);

        Assert.True(store.EndSession(session, StoreTestBed.Origin.AddMinutes(90), default, AudienceMood.Neutral));
        Assert.Equal(1, raised);

        Assert.True(store.Acknowledge(store.PeekOldest(1)[0].MessageId));
        Assert.Equal(1, raised);
    }

    [Fact]
    public void MinutesKeptWhileTheDiskWasFull_RaiseEnqueued_WhenTheyAreWrittenAfterwards()
    {
        using var fileSystem = SmallFileSystem.TryMount(8);
        Assert.True(fileSystem is not null, "this test mounts an 8 MB tmpfs and needs root (run scripts/test with sudo)");
        var bed = new StoreTestBed(Path.Combine(fileSystem.Path, "state"));
        using var store = bed.Open();
        var raised = 0;
        store.Enqueued += (_, _) => raised++;
        var filler = fileSystem.Fill();
        var kept = 0;
        for (var minute = 0; minute < 40 && kept == 0; minute++)
        {
            if (store.AppendMinute(StoreTestBed.Minute(minute)) is null)
            {
                kept++;
            }

            bed.Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.True(kept > 0, "the disk never filled up");
        var before = raised;

        File.Delete(filler);
        bed.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.NotNull(store.AppendMinute(StoreTestBed.Minute(100)));

        // The kept minute and the new one: both reached the outbox, and the consumer heard of both.
        Assert.Equal(before + 2, raised);
        Assert.Equal(before + 2, store.Count());
    }

    [Fact]
    public void InMemoryStore_RaisesEnqueuedForWrittenSummaries_AndNotForFailedOnes()
    {
        using var store = new InMemoryResultStore();
        var raised = 0;
        store.Enqueued += (_, _) => raised++;

        store.FailWrites = true;
        Assert.Null(store.AppendMinute(StoreTestBed.Minute(0)));
        Assert.Equal(0, raised);

        store.FailWrites = false;
        Assert.NotNull(store.AppendMinute(StoreTestBed.Minute(1)));
        var session = store.BeginSession(StoreTestBed.Origin, null)!.Value;
        Assert.True(store.EndSession(session, StoreTestBed.Origin.AddMinutes(5), default, AudienceMood.Positive));
        Assert.Equal(2, raised);
    }
}
