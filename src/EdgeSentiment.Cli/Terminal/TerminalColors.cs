using EdgeSentiment.Core.Mood;

namespace EdgeSentiment.Cli.Terminal;

/// <summary>
/// ANSI colours for what a person reads: on only when the output is a terminal, NO_COLOR is unset or
/// empty (no-color.org) and TERM is not "dumb"; otherwise text passes through unchanged.
/// </summary>
public sealed class TerminalColors
{
    private const string Reset = "\u001b[0m";

    private TerminalColors(bool enabled) => Enabled = enabled;

    /// <summary>Never colours.</summary>
    public static TerminalColors Plain { get; } = new(false);

    public bool Enabled { get; }

    /// <summary>Colours for <paramref name="console"/>, deciding from the process's environment.</summary>
    public static TerminalColors For(CliConsole console) =>
        For(console, Environment.GetEnvironmentVariable);

    /// <summary>Colours for <paramref name="console"/>, reading variables through <paramref name="environment"/>.</summary>
    public static TerminalColors For(CliConsole console, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(environment);
        var enabled = console.IsInteractive
            && string.IsNullOrEmpty(environment("NO_COLOR"))
            && !string.Equals(environment("TERM"), "dumb", StringComparison.Ordinal);
        return enabled ? new TerminalColors(true) : Plain;
    }

    public string Green(string text) => Paint("\u001b[32m", text);

    public string Yellow(string text) => Paint("\u001b[33m", text);

    public string Red(string text) => Paint("\u001b[31m", text);

    public string Magenta(string text) => Paint("\u001b[35m", text);

    public string Bold(string text) => Paint("\u001b[1m", text);

    public string Dim(string text) => Paint("\u001b[2m", text);

    /// <summary>The mood's colour: red for negative, yellow for neutral, green for positive, magenta for the film, dim otherwise.</summary>
    public string Mood(AudienceMood mood, string text) => mood switch
    {
        AudienceMood.Negative => Red(text),
        AudienceMood.Neutral => Yellow(text),
        AudienceMood.Positive => Green(text),
        AudienceMood.Film => Magenta(text),
        _ => Dim(text),
    };

    private string Paint(string code, string text) => Enabled ? code + text + Reset : text;
}
