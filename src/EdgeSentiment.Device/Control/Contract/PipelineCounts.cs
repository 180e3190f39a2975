namespace EdgeSentiment.Device.Control.Contract;

/// <summary>The pipeline's counters since the agent started, and the latest window's level (null before the first).</summary>
public sealed record PipelineCounts(long WindowsProcessed, long DroppedChunks, long DroppedWindows, long DroppedResults, double? LevelDbfs);
