namespace EdgeSentiment.Cli.Doctor;

/// <summary>How a helper program (systemctl, timedatectl) ended and what it printed.</summary>
public sealed record ProcessResult(int ExitCode, string Output, string Error);
