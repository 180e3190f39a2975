using EdgeSentiment.Device.Indicators;

namespace EdgeSentiment.Cli.Doctor;

/// <summary>
/// For LEDs on GPIO: the gpiochip's device node exists and the service's user may read and write it
/// (directly, or through the unit's supplementary groups audio and gpio).
/// </summary>
public sealed class GpioAccessCheck : IDoctorCheck
{
    // SupplementaryGroups= of systemd/edgesentiment.service.
    private static readonly string[] UnitGroups = ["audio", "gpio"];

    public string Name => "gpio";

    /// <summary>Where /dev, /proc and /sys are looked for; "/" except in tests.</summary>
    public string Root { get; init; } = "/";

    public async Task<CheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var indicator = context.Configuration.Indicator;
        if (!Enum.TryParse<IndicatorKind>(indicator.Kind, ignoreCase: true, out var kind) || kind == IndicatorKind.Console)
        {
            return CheckResult.Pass(Name, $"not used (Indicator:Kind is {indicator.Kind})");
        }

        if (kind == IndicatorKind.RgbPwm && !indicator.SoftwarePwm)
        {
            var pwm = Path.Combine(Root, "sys/class/pwm", $"pwmchip{indicator.PwmChip}");
            return Directory.Exists(pwm)
                ? CheckResult.Pass(Name, $"{pwm} exists for the RGB LED's hardware PWM")
                : CheckResult.Fail(Name, $"{pwm} does not exist", "enable the PWM overlay (dtoverlay=pwm-2chan in /boot/firmware/config.txt) and reboot, or set Indicator:SoftwarePwm to true");
        }

        var (chip, board) = indicator.GpioChip >= 0
            ? (indicator.GpioChip, "configured")
            : GpioChipLocator.Locate(Path.Combine(Root, "proc/device-tree/model"), Path.Combine(Root, "sys/bus/gpio/devices"));
        var node = Path.Combine(Root, "dev", $"gpiochip{chip}");
        if (!File.Exists(node))
        {
            return CheckResult.Fail(Name, $"{node} does not exist ({board}); Indicator:Kind is {indicator.Kind}", $"set Indicator:GpioChip in {context.ConfigurationHint} to a chip 'gpiodetect' lists, or set Indicator:Kind to Console on a machine without GPIO");
        }

        try
        {
            using var stream = new FileStream(node, FileMode.Open, FileAccess.ReadWrite);
        }
        catch (UnauthorizedAccessException)
        {
            return CheckResult.Fail(Name, $"{node} is not readable and writable by {Environment.UserName}", $"add the user to the node's group ('sudo usermod -aG gpio {Environment.UserName}') and log in again");
        }
        catch (IOException e)
        {
            return CheckResult.Fail(Name, $"{node} does not open: {e.Message}", "check 'gpiodetect' and the kernel log ('dmesg | grep -i gpio')");
        }

        return await ServiceUserAccessAsync(context, node, cancellationToken);
    }

    // The check above ran as whoever runs doctor (often root); the service runs as its own user.
    private async Task<CheckResult> ServiceUserAccessAsync(DoctorContext context, string node, CancellationToken cancellationToken)
    {
        var user = context.ServiceUser;
        if (OperatingSystem.IsWindows() || string.Equals(Environment.UserName, user, StringComparison.Ordinal))
        {
            return CheckResult.Pass(Name, $"{node} is readable and writable by {user}");
        }

        var mode = File.GetUnixFileMode(node);
        if ((mode & (UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) == (UnixFileMode.OtherRead | UnixFileMode.OtherWrite))
        {
            return CheckResult.Pass(Name, $"{node} is readable and writable by every user");
        }

        var group = await context.Processes.RunAsync("stat", ["-c", "%G", node], cancellationToken);
        var groups = await context.Processes.RunAsync("id", ["-nG", user], cancellationToken);
        if (group is not { ExitCode: 0 } || groups is not { ExitCode: 0 })
        {
            return CheckResult.Warn(Name, $"{node} opens for {Environment.UserName}; whether {user} may use it is unknown (no such user here?)", "install the service with scripts/install, which creates the user");
        }

        var groupRw = (mode & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite)) == (UnixFileMode.GroupRead | UnixFileMode.GroupWrite);
        var member = groups.Output.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(group.Output, StringComparer.Ordinal)
            || UnitGroups.Contains(group.Output, StringComparer.Ordinal);
        return groupRw && member
            ? CheckResult.Pass(Name, $"{node} is readable and writable by group {group.Output}, which {user} has")
            : CheckResult.Fail(Name, $"{node} belongs to group {group.Output} (mode {Convert.ToString((int)mode & 0x1FF, 8)}), which does not let {user} read and write it", $"give the node to group gpio with a udev rule (SUBSYSTEM==\"gpio\", GROUP=\"gpio\", MODE=\"0660\") or 'sudo usermod -aG {group.Output} {user}'");
    }
}
