using System.Globalization;

namespace EdgeSentiment.Cli.Bench;

/// <summary>The process's peak resident set size, from the kernel's own account.</summary>
public static class PeakMemory
{
    private const string StatusPath = "/proc/self/status";

    /// <summary>VmHWM in MiB, or null where /proc is not available (not Linux).</summary>
    public static double? PeakResidentMegabytes()
    {
        if (!File.Exists(StatusPath))
        {
            return null;
        }

        foreach (var line in File.ReadLines(StatusPath))
        {
            // "VmHWM:     41236 kB"
            if (!line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                continue;
            }

            var value = line.AsSpan("VmHWM:".Length).Trim();
            var space = value.IndexOf(' ');
            var digits = space < 0 ? value : value[..space];
            return long.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out var kilobytes)
                ? kilobytes / 1024.0
                : null;
        }

        return null;
    }
}
