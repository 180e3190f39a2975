using EdgeSentiment.Core.Summaries;

namespace EdgeSentiment.Device.Storage;

/// <summary>Reads a long span of minute summaries a slice at a time, so an export of months never holds them all.</summary>
public static class ResultStoreSlices
{
    /// <summary>A day of minutes: at most 1440 summaries in memory at once.</summary>
    public static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>
    /// The readable minute summaries in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), oldest
    /// first, one slice of at most <paramref name="slice"/> after another; gaps (the device was off)
    /// are skipped in one step, and a slice whose records all fail authentication still moves on.
    /// </summary>
    public static IEnumerable<IReadOnlyList<Stored<MinuteSummary>>> ReadMinutesInSlices(
        this IResultStore store, DateTime fromUtc, DateTime toUtc, TimeSpan slice)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(slice, TimeSpan.Zero);
        var next = store.FirstMinuteTime(fromUtc, toUtc);
        while (next is { } start)
        {
            // start < toUtc, so every slice moves forward; no arithmetic past DateTime.MaxValue.
            var end = toUtc - start > slice ? start + slice : toUtc;
            yield return store.ReadMinutes(start, end);
            next = end < toUtc ? store.FirstMinuteTime(end, toUtc) : null;
        }
    }
}
