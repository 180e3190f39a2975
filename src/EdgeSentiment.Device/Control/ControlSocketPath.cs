namespace EdgeSentiment.Device.Control;

/// <summary>Where the control socket is when <c>Control:SocketPath</c> is not set; the CLI uses the same default.</summary>
public static class ControlSocketPath
{
    public const string FileName = "control.sock";

    /// <summary>The socket under systemd's <c>RuntimeDirectory=edgesentiment</c>.</summary>
    public const string Default = "/run/edgesentiment/" + FileName;

    /// <summary>The configured path, else <c>$RUNTIME_DIRECTORY/control.sock</c>, else <see cref="Default"/>.</summary>
    public static string Resolve(string? configured, string? runtimeDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        // systemd may pass several directories separated by ':'; the first is ours.
        if (!string.IsNullOrWhiteSpace(runtimeDirectory))
        {
            return Path.Combine(runtimeDirectory.Split(':')[0], FileName);
        }

        return Default;
    }
}
