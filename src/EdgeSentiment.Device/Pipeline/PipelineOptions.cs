using EdgeSentiment.Core.Inference;
using EdgeSentiment.Device.Configuration;

namespace EdgeSentiment.Device.Pipeline;

/// <summary>The <c>Pipeline</c> section: the model, queue sizes, shutdown and watchdog timings.</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Pipeline";

    /// <summary>ONNX model; empty for the shipped int8 model in <c>models/</c>, <c>auto</c> for the shipped model that suits the CPU.</summary>
    public string Model { get; set; } = "";

    /// <summary>Threads ONNX Runtime may use for one window.</summary>
    public int InferenceThreads { get; set; } = 1;

    public int ChunkQueueCapacity { get; set; } = 50;

    public int WindowQueueCapacity { get; set; } = 4;

    public int ResultQueueCapacity { get; set; } = 16;

    public int SinkQueueCapacity { get; set; } = 64;

    /// <summary>How long sinks get to finish on shutdown.</summary>
    public double DrainSeconds { get; set; } = 2;

    /// <summary>No progress for this long and the watchdog ping is withheld (systemd then restarts us).</summary>
    public double StallSeconds { get; set; } = 20;

    /// <summary>The model file <see cref="Model"/> names, the shipped one for this CPU when it says auto, or the shipped default.</summary>
    public string ModelPath() =>
        string.IsNullOrWhiteSpace(Model) ? ModelFiles.DefaultPath
        : string.Equals(Model.Trim(), ModelFiles.Auto, StringComparison.OrdinalIgnoreCase) ? ModelFiles.ForThisCpuPath
        : DeviceConfiguration.ResolveFile(Model);
}
