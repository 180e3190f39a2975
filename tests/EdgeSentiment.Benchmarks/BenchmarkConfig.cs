using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace EdgeSentiment.Benchmarks;

/// <summary>How every benchmark here runs: in this process, with allocations counted.</summary>
public static class BenchmarkConfig
{
    // In-process: the default toolchain generates and builds a separate project, which the
    // repository's warnings-as-errors build rules and central package versions get in the way of.
    // The models folder is also simply beside this executable.
    public static IConfig Create() => DefaultConfig.Instance
        .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance))
        .AddDiagnoser(MemoryDiagnoser.Default);
}
