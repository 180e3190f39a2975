namespace EdgeSentiment.Device.Control;

/// <summary>The <c>Control</c> section: the technician's control socket and who may use it.</summary>
public sealed class ControlOptions
{
    public const string SectionName = "Control";

    /// <summary>Whether the agent listens on the control socket at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The Unix domain socket; empty for <c>$RUNTIME_DIRECTORY/control.sock</c> under systemd, else
    /// <see cref="ControlSocketPath.Default"/>.
    /// </summary>
    public string SocketPath { get; set; } = "";

    /// <summary>Members of this group (besides root and the agent's own user) may use the socket.</summary>
    public string AllowedGroup { get; set; } = "edgesentiment";

    /// <summary>How long <c>leds test</c> shows each pattern.</summary>
    public int LedTestStepMilliseconds { get; set; } = 2000;
}
