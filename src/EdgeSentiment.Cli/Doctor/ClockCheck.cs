namespace EdgeSentiment.Cli.Doctor;

/// <summary>The system clock is synchronised (<c>timedatectl</c>): TLS certificates and the stored times need a right clock.</summary>
public sealed class ClockCheck : IDoctorCheck
{
    public string Name => "clock";

    public async Task<CheckResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = context.Time.GetUtcNow().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
        var result = await context.Processes.RunAsync("timedatectl", ["show", "--property=NTPSynchronized", "--value"], cancellationToken);
        if (result is null)
        {
            return CheckResult.Warn(Name, $"timedatectl is not installed, so synchronisation cannot be checked (clock says {now})", "install systemd-timesyncd, or check the time against another source; TLS to the broker fails with a wrong clock");
        }

        if (result.ExitCode != 0)
        {
            return CheckResult.Warn(Name, $"timedatectl does not answer (clock says {now}): {FirstLine(result.Error)}", "check the time against another source; TLS to the broker fails with a wrong clock");
        }

        return result.Output switch
        {
            "yes" => CheckResult.Pass(Name, $"synchronised (NTP), {now}"),
            _ => CheckResult.Warn(Name, $"not synchronised, clock says {now}", "enable time sync with 'timedatectl set-ntp true' and check that the NTP servers are reachable; TLS to the broker fails with a wrong clock"),
        };
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }
}
