namespace EdgeSentiment.Device.Control.Contract;

/// <summary>
/// Everything <c>edgesentiment status</c> shows, and what <c>edgesentiment doctor</c> asks the agent.
/// <see cref="Mood"/> is null before the first window.
/// </summary>
public sealed record StatusReply(
    int Version,
    string AgentVersion,
    DateTime StartedUtc,
    double UptimeSeconds,
    ModelInfo Model,
    MoodReply? Mood,
    PipelineCounts Pipeline,
    StoreInfo Store,
    BrokerInfo Broker,
    SessionRow? Session,
    IReadOnlyList<FaultRow> RecentFaults,
    int ProcessId,
    CaptureInfo Capture)
{
    /// <summary>The live transcription's counts; null while <c>Transcription:Enabled</c> is false.</summary>
    public TranscriptionCounts? Transcription { get; init; }
}
