namespace EdgeSentiment.Cli.Doctor;

/// <summary>One check's verdict: a one-line finding and, for a warning or failure, what to run or edit.</summary>
public sealed record CheckResult(string Name, CheckStatus Status, string Finding, string? Fix)
{
    public static CheckResult Pass(string name, string finding) => new(name, CheckStatus.Pass, finding, null);

    public static CheckResult Warn(string name, string finding, string fix) => new(name, CheckStatus.Warn, finding, fix);

    public static CheckResult Fail(string name, string finding, string fix) => new(name, CheckStatus.Fail, finding, fix);
}
