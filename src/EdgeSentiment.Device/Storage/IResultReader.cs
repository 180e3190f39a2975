using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Summaries;

namespace EdgeSentiment.Device.Storage;

/// <summary>
/// What was kept, read back decrypted for the status command, history and export. Records that fail
/// authentication are counted in the status, logged and left out.
/// </summary>
public interface IResultReader
{
    IReadOnlyList<Stored<WindowResult>> ReadWindows(DateTime fromUtc, DateTime toUtc);

    IReadOnlyList<Stored<MinuteSummary>> ReadMinutes(DateTime fromUtc, DateTime toUtc);

    /// <summary>
    /// The time of the first stored minute summary in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>),
    /// readable or not, or null when there is none: lets a long export read a slice at a time.
    /// </summary>
    DateTime? FirstMinuteTime(DateTime fromUtc, DateTime toUtc);

    IReadOnlyList<Stored<ScreeningSession>> ReadSessions(DateTime fromUtc, DateTime toUtc);

    IReadOnlyList<Stored<DeviceEvent>> ReadEvents(DateTime fromUtc, DateTime toUtc);

    StoreStatus GetStatus();
}
