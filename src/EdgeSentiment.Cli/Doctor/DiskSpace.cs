namespace EdgeSentiment.Cli.Doctor;

/// <summary>Free and total bytes of the file system that holds a folder.</summary>
public sealed record DiskSpace(string MountPoint, long FreeBytes, long TotalBytes);
