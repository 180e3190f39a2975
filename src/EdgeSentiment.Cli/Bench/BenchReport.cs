namespace EdgeSentiment.Cli.Bench;

/// <summary>What <c>edgesentiment bench</c> measured: speed, latency, allocation and memory of the window path.</summary>
/// <param name="Model">How the model names itself: name, version, precision.</param>
/// <param name="ModelPath">The model file that was loaded.</param>
/// <param name="Threads">Intra-op threads of the ONNX Runtime session.</param>
/// <param name="Architecture">The processor architecture the process runs on.</param>
/// <param name="ArmDotProduct">Whether the Arm dot-product instructions (SDOT/UDOT) exist here; int8 models depend on them for speed.</param>
/// <param name="AudioSeconds">Seconds of audio pushed through the pipeline.</param>
/// <param name="Windows">Analysis windows classified in the measured run.</param>
/// <param name="RealTimeFactor">Processing time over audio time; 0.01 means 100 times faster than real time.</param>
/// <param name="CpuRealTimeFactor">The process's CPU time over audio time: the same figure, less disturbed by other work on a busy machine.</param>
/// <param name="LatencyP50Ms">Median time from a complete window to its mood.</param>
/// <param name="LatencyP95Ms">95th percentile of the same.</param>
/// <param name="LatencyP99Ms">99th percentile of the same.</param>
/// <param name="AllocatedBytesPerWindow">Managed bytes allocated per window after warm-up.</param>
/// <param name="ModelLoadMs">Time to load the model and build the window path.</param>
/// <param name="PeakRssMb">Peak resident set size of the process in MiB; null where it cannot be read.</param>
/// <param name="EchoCancelMsPerWindow">CPU time of cancelling a soundtrack reference from one window hop of audio and gating the window (Capture:ReferenceChannel); null without libspeexdsp.</param>
/// <param name="EchoCancelAllocatedBytesPerWindow">Managed bytes the same allocates per window after warm-up.</param>
public sealed record BenchReport(
    string Model,
    string ModelPath,
    int Threads,
    string Architecture,
    bool ArmDotProduct,
    double AudioSeconds,
    int Windows,
    double RealTimeFactor,
    double CpuRealTimeFactor,
    double LatencyP50Ms,
    double LatencyP95Ms,
    double LatencyP99Ms,
    double AllocatedBytesPerWindow,
    double ModelLoadMs,
    double? PeakRssMb,
    double? EchoCancelMsPerWindow = null,
    double? EchoCancelAllocatedBytesPerWindow = null);
