using EdgeSentiment.Core.Mood;
using EdgeSentiment.Core.Segmentation;

namespace EdgeSentiment.Device.Pipeline;

/// <summary>Queue sizes and timings of the pipeline; the host fills it from <c>PipelineOptions</c>.</summary>
public sealed record PipelineSettings
{
    /// <summary>Window length and hop, the same as the recording analyzer's.</summary>
    public AnalysisWindowSettings Windows { get; init; } = AnalysisWindowSettings.Default;

    /// <summary>When speech is the film's, with a soundtrack reference.</summary>
    public FilmGateSettings FilmGate { get; init; } = FilmGateSettings.Default;

    /// <summary>How steady the shown mood is.</summary>
    public MoodSmootherSettings Mood { get; init; } = MoodSmootherSettings.Default;

    /// <summary>Audio chunks waiting for the window stage (about 100 ms each).</summary>
    public int ChunkQueueCapacity { get; init; } = 50;

    /// <summary>Windows waiting for the model.</summary>
    public int WindowQueueCapacity { get; init; } = 4;

    /// <summary>Results waiting for the mood stage.</summary>
    public int ResultQueueCapacity { get; init; } = 16;

    /// <summary>Updates waiting in each sink's own queue.</summary>
    public int SinkQueueCapacity { get; init; } = 64;

    /// <summary>How long sinks get to finish what is queued when the agent stops.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(2);
}
