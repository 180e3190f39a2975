using System.Diagnostics.Metrics;
using EdgeSentiment.Device.Pipeline;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Device.Storage.Sealing;
using EdgeSentiment.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
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

    [Fact]
    public void FullDisk_ForMoreThan240Minutes_DropsTheOldestKeptSummaries_CountedInStatusAndMeter_LoggedOnceThenHourly()
    {
        using var fileSystem = SmallFileSystem.TryMount(64);
        Assert.True(fileSystem is not null, "this test mounts a 64 MB tmpfs and needs root (run scripts/test with sudo)");
        var bed = new StoreTestBed(Path.Combine(fileSystem.Path, "state"));
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var dropped = new MetricCollector<long>(meters, PipelineMetrics.MeterName, StoreMetrics.DroppedSummariesName);
        using var key = StoreKeyFile.Load(bed.KeyPath);
        using var store = LiteDbResultStore.Open(bed.Options, key, bed.KeyPath, bed.Logger, bed.Time, meters);
        var filler = fileSystem.Fill();

        // A minute a minute, as the agent writes them, until 245 have waited in memory.
        var minute = 0;
        var kept = 0;
        var written = 0;
        while (kept < 245 && minute < 400)
        {
            if (store.AppendMinute(StoreTestBed.Minute(minute++)) is null)
            {
                kept++;
            }
            else
            {
                written++;
            }

            bed.Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(245, kept);
        Assert.Equal(5, store.GetStatus().DroppedSummaries);
        Assert.Equal(5, dropped.GetMeasurementSnapshot().EvaluateAsCounter());
        var warning = Assert.Single(bed.Logger.Collector.GetSnapshot(), e => e.Id.Id == LogEvents.StoreSummariesDropped);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("Dropped 1 minute summaries", warning.Message, StringComparison.Ordinal);

        // An hour on, the next drop reports the ones since the last warning and the total.
        bed.Time.Advance(TimeSpan.FromHours(1));
        Assert.Null(store.AppendMinute(StoreTestBed.Minute(minute++)));
        Assert.Equal(2, bed.Logger.Count(LogEvents.StoreSummariesDropped));
        Assert.Contains("Dropped 5 minute summaries", bed.Logger.Collector.GetSnapshot().Last(e => e.Id.Id == LogEvents.StoreSummariesDropped).Message, StringComparison.Ordinal);
        Assert.Contains("6 dropped in all", bed.Logger.Collector.GetSnapshot().Last(e => e.Id.Id == LogEvents.StoreSummariesDropped).Message, StringComparison.Ordinal);

        // Space back (room for the 240 journaled one by one): they are written, and the count stays.
        File.Delete(filler);
        bed.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.NotNull(store.AppendMinute(StoreTestBed.Minute(minute)));
        Assert.False(store.GetStatus().WritesFailing);
        Assert.Equal(written + 240 + 1, store.ReadMinutes(DateTime.MinValue, DateTime.MaxValue).Count);
        Assert.Equal(6, store.GetStatus().DroppedSummaries);
    }
}
