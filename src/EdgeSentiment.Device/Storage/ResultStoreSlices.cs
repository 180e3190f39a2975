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
        this IResultReader reader, DateTime fromUtc, DateTime toUtc, TimeSpan slice)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(slice, TimeSpan.Zero);
        var next = reader.FirstMinuteTime(fromUtc, toUtc);
        while (next is { } start)
        {
            // start < toUtc, so every slice moves forward; no arithmetic past DateTime.MaxValue.
            var end = toUtc - start > slice ? start + slice : toUtc;
            yield return reader.ReadMinutes(start, end);
            next = end < toUtc ? reader.FirstMinuteTime(end, toUtc) : null;
        }
    }
}
