using System.Text.Json;
using EdgeSentiment.Cli.Terminal;

namespace EdgeSentiment.Cli.Doctor;

/// <summary>Prints the doctor's results: aligned lines with coloured verdicts, or one JSON document.</summary>
public static class DoctorOutput
{
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true };

    public static void WriteText(TextWriter output, TerminalColors colors, IReadOnlyList<CheckResult> results)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(colors);
        ArgumentNullException.ThrowIfNull(results);
        var width = 4;
        foreach (var result in results)
        {
            width = Math.Max(width, result.Name.Length);
        }

        foreach (var result in results)
        {
            output.WriteLine($"{Verdict(colors, result.Status)}  {result.Name.PadRight(width)}  {result.Finding}");
            if (result.Fix is { } fix)
            {
                output.WriteLine($"      {new string(' ', width)}  {colors.Bold("fix:")} {fix}");
            }
        }

        var failed = Count(results, CheckStatus.Fail);
        var warnings = Count(results, CheckStatus.Warn);
        output.WriteLine();
        var summary = $"{results.Count} checks: {results.Count - failed - warnings} passed, {warnings} warning{(warnings == 1 ? "" : "s")}, {failed} failed";
        output.WriteLine(failed > 0 ? colors.Red(summary) : warnings > 0 ? colors.Yellow(summary) : colors.Green(summary));
    }

    public static void WriteJson(TextWriter output, IReadOnlyList<CheckResult> results)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(results);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteStartArray("checks");
            foreach (var result in results)
            {
                json.WriteStartObject();
                json.WriteString("name", result.Name);
                json.WriteString("status", StatusText(result.Status));
                json.WriteString("finding", result.Finding);
                json.WriteString("fix", result.Fix);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("failed", Count(results, CheckStatus.Fail));
            json.WriteNumber("warnings", Count(results, CheckStatus.Warn));
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    public static int Count(IReadOnlyList<CheckResult> results, CheckStatus status)
    {
        ArgumentNullException.ThrowIfNull(results);
        var count = 0;
        foreach (var result in results)
        {
            count += result.Status == status ? 1 : 0;
        }

        return count;
    }

    public static string StatusText(CheckStatus status) => status switch
    {
        CheckStatus.Pass => "PASS",
        CheckStatus.Warn => "WARN",
        _ => "FAIL",
    };

    private static string Verdict(TerminalColors colors, CheckStatus status) => status switch
    {
        CheckStatus.Pass => colors.Green("PASS"),
        CheckStatus.Warn => colors.Yellow("WARN"),
        _ => colors.Red("FAIL"),
    };
}
