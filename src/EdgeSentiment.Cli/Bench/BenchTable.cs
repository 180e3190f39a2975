using System.Globalization;

namespace EdgeSentiment.Cli.Bench;

/// <summary>Writes <c>bench</c>'s human-readable report.</summary>
public static class BenchTable
{
    public static void Write(TextWriter output, BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        output.WriteLine(Invariant($"model              {report.Model} ({report.ModelPath})"));
        output.WriteLine(Invariant($"threads            {report.Threads}"));
        output.WriteLine(Invariant($"processor          {report.Architecture}{(report.Architecture == "arm64" ? (report.ArmDotProduct ? ", with dot product (int8 is fast)" : ", without dot product (compare fp32)") : "")}"));
        output.WriteLine(Invariant($"audio              {report.AudioSeconds:0.#} s, {report.Windows} windows"));
        output.WriteLine(Invariant($"real-time factor   {report.RealTimeFactor:0.00000}  ({1 / report.RealTimeFactor:0} x real time)"));
        output.WriteLine(Invariant($"CPU time / audio   {report.CpuRealTimeFactor:0.00000}"));
        output.WriteLine(Invariant($"latency per window p50 {report.LatencyP50Ms:0.000} ms, p95 {report.LatencyP95Ms:0.000} ms, p99 {report.LatencyP99Ms:0.000} ms"));
        output.WriteLine(Invariant($"allocated          {report.AllocatedBytesPerWindow:0.#} bytes per window (managed, after warm-up)"));
        output.WriteLine(report.EchoCancelMsPerWindow is { } echo
            ? Invariant($"echo cancelling    {echo:0.000} ms per window with a soundtrack reference (canceller and film gate, one thread), {report.EchoCancelAllocatedBytesPerWindow:0.#} bytes allocated")
            : "echo cancelling    not measured: libspeexdsp1 is not installed");
        output.WriteLine(Invariant($"model load         {report.ModelLoadMs:0.0} ms"));
        output.WriteLine(report.PeakRssMb is { } rss
            ? Invariant($"peak RSS           {rss:0.0} MiB")
            : "peak RSS           not available on this system");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
