using System.Text.Json;

namespace EdgeSentiment.Cli.Tests.Doctor;

/// <summary>The parsed output of <c>doctor --json</c>.</summary>
public sealed record DoctorReport(IReadOnlyDictionary<string, (string Status, string Finding, string? Fix)> Checks, int Failed, int Warnings)
{
    public static DoctorReport Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var checks = new Dictionary<string, (string, string, string?)>(StringComparer.Ordinal);
        foreach (var check in document.RootElement.GetProperty("checks").EnumerateArray())
        {
            checks[check.GetProperty("name").GetString()!] = (
                check.GetProperty("status").GetString()!,
                check.GetProperty("finding").GetString()!,
                check.GetProperty("fix").GetString());
        }

        return new DoctorReport(checks, document.RootElement.GetProperty("failed").GetInt32(), document.RootElement.GetProperty("warnings").GetInt32());
    }

    public (string Status, string Finding, string? Fix) this[string name] => Checks[name];
}
