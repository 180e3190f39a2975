using System.Globalization;

namespace EdgeSentiment.Cli.Doctor;

/// <summary>Free space where the store lives: a warning under room for two full databases or 10 %, a failure when nearly full.</summary>
public sealed class DiskSpaceCheck : IDoctorCheck
{
    private const long MiB = 1024 * 1024;
    private const long NearlyFullBytes = 64 * MiB;

    public string Name => "disk";

    public Task<CheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var folder = Path.GetDirectoryName(context.DatabasePath) ?? context.DatabasePath;
        if (context.DiskSpaceOf(folder) is not { } space || space.TotalBytes <= 0)
        {
            return Task.FromResult(CheckResult.Warn(Name, $"the free space at {folder} cannot be read", $"check it with 'df -h {folder}'"));
        }

        var freeShare = (double)space.FreeBytes / space.TotalBytes;
        var finding = $"{Size(space.FreeBytes)} free of {Size(space.TotalBytes)} ({freeShare.ToString("0%", CultureInfo.InvariantCulture)}) at {space.MountPoint}, which holds {folder}";
        var warnBytes = Math.Max(2L * context.Configuration.Store.MaxFileMegabytes * MiB, 512 * MiB);
        var result = space.FreeBytes < NearlyFullBytes || freeShare < 0.02
            ? CheckResult.Fail(Name, finding + "; nearly full: the store cannot write", $"free space on {space.MountPoint} ('du -xh {space.MountPoint} | sort -h | tail'), e.g. 'journalctl --vacuum-size=50M'")
            : space.FreeBytes < warnBytes || freeShare < 0.10
                ? CheckResult.Warn(Name, finding + $"; under {Size(warnBytes)} or 10 %", $"free space on {space.MountPoint}, or lower Store:MaxFileMegabytes in {context.ConfigurationHint}")
                : CheckResult.Pass(Name, finding);
        return Task.FromResult(result);
    }

    private static string Size(long bytes) => bytes >= 1024 * MiB
        ? (bytes / (1024.0 * MiB)).ToString("0.0", CultureInfo.InvariantCulture) + " GiB"
        : (bytes / (double)MiB).ToString("0", CultureInfo.InvariantCulture) + " MiB";
}
