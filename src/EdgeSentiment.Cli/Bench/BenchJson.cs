using System.Text.Json;

namespace EdgeSentiment.Cli.Bench;

/// <summary>Writes <c>bench --json</c>: one document, the shape documented in docs/performance.md.</summary>
public static class BenchJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true };

    public static void Write(TextWriter output, BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("model", report.Model);
            json.WriteString("modelPath", report.ModelPath);
            json.WriteNumber("threads", report.Threads);
            json.WriteString("architecture", report.Architecture);
            json.WriteBoolean("armDotProduct", report.ArmDotProduct);
            json.WriteNumber("audioSeconds", Math.Round(report.AudioSeconds, 3));
            json.WriteNumber("windows", report.Windows);
            json.WriteNumber("rtf", Math.Round(report.RealTimeFactor, 5));
            json.WriteNumber("cpuRtf", Math.Round(report.CpuRealTimeFactor, 5));
            json.WriteStartObject("latencyMs");
            json.WriteNumber("p50", Math.Round(report.LatencyP50Ms, 3));
            json.WriteNumber("p95", Math.Round(report.LatencyP95Ms, 3));
            json.WriteNumber("p99", Math.Round(report.LatencyP99Ms, 3));
            json.WriteEndObject();
            json.WriteNumber("allocatedBytesPerWindow", Math.Round(report.AllocatedBytesPerWindow, 1));
            if (report.EchoCancelMsPerWindow is { } echo)
            {
                json.WriteNumber("echoCancelMsPerWindow", Math.Round(echo, 4));
                json.WriteNumber("echoCancelAllocatedBytesPerWindow", Math.Round(report.EchoCancelAllocatedBytesPerWindow ?? 0, 1));
            }
            else
            {
                json.WriteNull("echoCancelMsPerWindow");
                json.WriteNull("echoCancelAllocatedBytesPerWindow");
            }

            json.WriteNumber("modelLoadMs", Math.Round(report.ModelLoadMs, 1));
            if (report.PeakRssMb is { } rss)
            {
                json.WriteNumber("peakRssMb", Math.Round(rss, 1));
            }
            else
            {
                json.WriteNull("peakRssMb");
            }

            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
