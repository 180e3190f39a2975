using EdgeSentiment.Testing;
using Microsoft.Extensions.Logging;

namespace EdgeSentiment.Device.Tests.Storage;

public sealed class DiskFullTests
{
    [Fact]
    public void FullDisk_WritesFailQuietly_LoggedOncePerEpisode_ResumeWhenSpaceReturns_FileIntact()
    {
        using var fileSystem = SmallFileSystem.TryMount(8);
        Assert.True(fileSystem is not null, "this test mounts an 8 MB tmpfs and needs root (run scripts/test with sudo)");
        var bed = new StoreTestBed(Path.Combine(fileSystem.Path, "state"));
        var acknowledged = new List<Guid>();
        var window = StoreTestBed.Window(0.2f, 0.3f, 0.5f);
        var minute = 0;
        using (var store = bed.Open())
        {
            acknowledged.Add(store.AppendMinute(StoreTestBed.Minute(minute++))!.Value);
            var filler = fileSystem.Fill();

            var failures = 0;
            for (var i = 0; i < 40; i++)
            {
                if (!store.AppendWindow(StoreTestBed.Origin.AddSeconds(i), window))
                {
                    failures++;
                }

                if (store.AppendMinute(StoreTestBed.Minute(minute++)) is { } id)
                {
                    acknowledged.Add(id);
                }
                else
                {
                    failures++;
                }

                bed.Time.Advance(TimeSpan.FromSeconds(1));
            }

            Assert.True(failures > 0, "the disk never filled up");
            var status = store.GetStatus();
            Assert.True(status.WritesFailing);
            Assert.True(status.FailedWrites > 1);
            Assert.Equal(1, bed.Logger.Count(LogEvents.StoreWritesFailing));
            Assert.DoesNotContain(bed.Logger.Collector.GetSnapshot(), e => e.Level >= LogLevel.Error);

            File.Delete(filler);
            bed.Time.Advance(TimeSpan.FromSeconds(10));
            acknowledged.Add(store.AppendMinute(StoreTestBed.Minute(minute++))!.Value);
            Assert.False(store.GetStatus().WritesFailing, string.Join("\n", bed.Logger.Collector.GetSnapshot().Select(e => $"{e.Id.Id} {e.Message}")));
            Assert.Equal(1, bed.Logger.Count(LogEvents.StoreWritesResumed));
            Assert.True(store.AppendWindow(StoreTestBed.Origin.AddHours(1), window));
        }

        using (var store = bed.Open())
        {
            var minutes = store.ReadMinutes(DateTime.MinValue, DateTime.MaxValue);
            var ids = minutes.Select(m => m.Id).ToHashSet();
            Assert.All(acknowledged, id => Assert.Contains(id, ids));

            // The summaries that waited in memory during the episode were written after it, once each.
            Assert.Equal(minute, minutes.Count);
            Assert.Equal(minutes.Count, minutes.Select(m => m.Value.MinuteStartUtc).Distinct().Count());
            Assert.Equal(0, store.GetStatus().TamperedRecords);
        }

        // A transaction the failed writes left behind must not be finalized later: LiteDB's finalizers
        // throw on the finalizer thread, which ends the whole process, long after the disk was full.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
