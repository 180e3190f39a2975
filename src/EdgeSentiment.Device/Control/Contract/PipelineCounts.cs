namespace EdgeSentiment.Device.Control.Contract;

/// <summary>
/// The pipeline's counters since the agent started, and the latest window's level (null before the first).
/// <see cref="FilmWindows"/> counts the windows that were the film's, <see cref="AudienceOverFilmWindows"/>
/// those where the audience spoke while the film did; both stay 0 without a soundtrack reference.
/// </summary>
public sealed record PipelineCounts(
    long WindowsProcessed,
    long DroppedChunks,
    long DroppedWindows,
    long DroppedResults,
    double? LevelDbfs,
    long FilmWindows = 0,
    long AudienceOverFilmWindows = 0);
