using EdgeSentiment.Core.Mood;

namespace EdgeSentiment.Cli.Control;

/// <summary>ANSI colours on a terminal; plain text when output is piped or NO_COLOR is set (no-color.org).</summary>
public sealed class Palette
{
    private const string Reset = "\e[0m";

    private Palette(bool enabled) => Enabled = enabled;

    public bool Enabled { get; }

    public static Palette For(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        return new Palette(console.IsInteractive && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")));
    }

    public string Bold(string text) => Paint("\e[1m", text);

    public string Dim(string text) => Paint("\e[2m", text);

    public string Red(string text) => Paint("\e[31m", text);

    public string Green(string text) => Paint("\e[32m", text);

    public string Yellow(string text) => Paint("\e[33m", text);

    public string Mood(AudienceMood mood, string text) => mood switch
    {
        AudienceMood.Negative => Red(text),
        AudienceMood.Neutral => Yellow(text),
        AudienceMood.Positive => Green(text),
        _ => Dim(text),
    };

    private string Paint(string code, string text) => Enabled ? code + text + Reset : text;
}
