using EdgeSentiment.Core.Summaries;
using EdgeSentiment.Device.Storage;
using EdgeSentiment.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace EdgeSentiment.Device.Tests.Storage;

public sealed class RetentionTests : IDisposable
{
    private readonly StoreTestBed _bed = new();

    public void Dispose() => _bed.Dispose();

    [Fact]
    public void ApplyRetention_RemovesRecordsOlderThanTheRetention_AndKeepsTheRest()
    {
        _bed.Options.RetentionDays = 7;
        using var store = _bed.Open();
        var now = StoreTestBed.Origin.AddDays(30);
        store.AppendMinute(StoreTestBed.Minute(0));
        store.AppendWindow(StoreTestBed.Origin, StoreTestBed.Window(0.2f, 0.3f, 0.5f));
        store.AppendEvent(new DeviceEvent(StoreTestBed.Origin, DeviceEventKind.Started, "old"));
        var recent = new MinuteSummary(now.AddDays(-1), StoreTestBed.Minute(0).Tally, StoreTestBed.Minute(0).DominantMood);
        store.AppendMinute(recent);

        var report = store.ApplyRetention(now);

        Assert.Equal(3, report.ExpiredByAge);
        Assert.Equal(recent, Assert.Single(store.ReadMinutes(DateTime.MinValue, DateTime.MaxValue)).Value);
        Assert.Empty(store.ReadWindows(DateTime.MinValue, DateTime.MaxValue));
        Assert.Same(report, store.GetStatus().LastRetention);
        Assert.Equal(LogLevel.Information, Assert.Single(RetentionLogged()).Level);
    }

    [Fact]
    public void ApplyRetention_WithNothingToRemove_LogsAtDebugOnly()
    {
        using var store = _bed.Open();
        store.AppendMinute(StoreTestBed.Minute(0));

        var report = store.ApplyRetention(StoreTestBed.Origin.AddHours(1));

        Assert.Equal(0, report.ExpiredByAge + report.RemovedForSize);
        Assert.False(report.Compacted);
        var logged = Assert.Single(RetentionLogged());
        Assert.Equal(LogLevel.Debug, logged.Level);
        Assert.StartsWith("Retention removed 0 expired and 0 records", logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyRetention_DropsOutboxEntriesPastTheirAge_AndCountsThem()
    {
        _bed.Options.OutboxMaxAgeHours = 24;
        using var store = _bed.Open();
        store.AppendMinute(StoreTestBed.Minute(0));
        _bed.Time.Advance(TimeSpan.FromDays(2));
        store.AppendMinute(StoreTestBed.Minute(1));

        var report = store.ApplyRetention(_bed.Time.GetUtcNow().UtcDateTime);

        Assert.Equal(1, report.OutboxDropped);
        Assert.Single(store.PeekOldest(10));
        Assert.Equal(1, store.GetStatus().OutboxDropped);
        Assert.Equal(2, store.ReadMinutes(DateTime.MinValue, DateTime.MaxValue).Count);
        store.Dispose();

        using var reopened = _bed.Open();
        Assert.Equal(1, reopened.GetStatus().OutboxDropped);
    }

    [Fact]
    public void ApplyRetention_OverTheSizeLimit_RemovesTheOldestWindows_AndCompactsBelowIt()
    {
        _bed.Options.MaxFileMegabytes = 1;
        using var store = _bed.Open();
        var window = StoreTestBed.Window(0.2f, 0.3f, 0.5f);
        for (var i = 0; i < 6000; i++)
        {
            store.AppendWindow(StoreTestBed.Origin.AddSeconds(2 * i), window);
        }

        store.AppendMinute(StoreTestBed.Minute(10_000));
        Assert.True(StoreSize() > 1024 * 1024, $"the test needs a file over the limit, it is {StoreSize()} bytes");

        var report = store.ApplyRetention(StoreTestBed.Origin.AddHours(5));

        Assert.True(report.Compacted);
        Assert.True(report.RemovedForSize > 0);
        Assert.True(report.FileBytesAfter <= 1024 * 1024, $"after retention the file is {report.FileBytesAfter} bytes");
        Assert.Equal(report.FileBytesAfter, StoreSize());
        var windows = store.ReadWindows(DateTime.MinValue, DateTime.MaxValue);
        Assert.Equal(6000 - report.RemovedForSize, windows.Count);
        Assert.Equal(StoreTestBed.Origin.AddSeconds(2 * 5999), windows[^1].TimeUtc);
        // LiteDB's rebuild writes a new file; it must not come back readable by others.
        FileModes.AssertOwnerOnly(_bed.DatabasePath);
        Assert.Single(store.ReadMinutes(DateTime.MinValue, DateTime.MaxValue));
        Assert.Empty(Directory.GetFiles(_bed.Folder, "*backup*"));
        Assert.True(store.AppendWindow(StoreTestBed.Origin.AddHours(6), window));
        _bed.Logger.AssertNoErrors();
        Assert.Equal(LogLevel.Information, Assert.Single(RetentionLogged()).Level);
    }

    private List<FakeLogRecord> RetentionLogged() =>
        [.. _bed.Logger.Collector.GetSnapshot().Where(entry => entry.Id.Id == LogEvents.StoreRetentionApplied)];

    private long StoreSize() =>
        new FileInfo(_bed.DatabasePath).Length + (File.Exists(LogPath()) ? new FileInfo(LogPath()).Length : 0);

    private string LogPath() => Path.Combine(_bed.Folder, "results-log.db");
}
