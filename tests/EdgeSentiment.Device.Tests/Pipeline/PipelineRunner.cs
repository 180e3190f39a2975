using EdgeSentiment.Device.Pipeline;
using Microsoft.Extensions.Logging.Testing;

namespace EdgeSentiment.Device.Tests.Pipeline;

/// <summary>Builds a pipeline with the real stages, 2 s windows and 0.5 s hops, around fakes.</summary>
internal static class PipelineRunner
{
    public static SentimentPipeline Create(
        IAudioSource source,
        ClassifyWindow classify,
        IReadOnlyList<IMoodSink> sinks,
        PipelineSettings? settings = null,
        PipelineMetrics? metrics = null,
        FakeLogger? logger = null) =>
        new(
            source,
            classify,
            sinks,
            settings ?? new PipelineSettings(),
            metrics ?? new PipelineMetrics(),
            new PipelineHeartbeat(TimeProvider.System),
            TimeProvider.System,
            logger ?? new FakeLogger());
}
