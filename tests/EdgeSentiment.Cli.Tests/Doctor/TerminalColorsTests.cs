using EdgeSentiment.Cli.Terminal;
using EdgeSentiment.Core.Mood;

namespace EdgeSentiment.Cli.Tests.Doctor;

public sealed class TerminalColorsTests
{
    private static readonly CliConsole Terminal = new(TextWriter.Null, TextWriter.Null, IsInteractive: true);
    private static readonly CliConsole Piped = new(TextWriter.Null, TextWriter.Null, IsInteractive: false);

    [Fact]
    public void OnATerminal_Colours()
    {
        var colors = TerminalColors.For(Terminal, Environment(("TERM", "xterm-256color")));

        Assert.Equal("\u001b[32mPASS\u001b[0m", colors.Green("PASS"));
    }

    [Fact]
    public void Piped_DoesNotColour()
    {
        var colors = TerminalColors.For(Piped, Environment(("TERM", "xterm-256color")));

        Assert.Equal("PASS", colors.Green("PASS"));
    }

    [Theory]
    [InlineData("NO_COLOR", "1")]
    [InlineData("NO_COLOR", "anything")]
    [InlineData("TERM", "dumb")]
    public void NoColorOrADumbTerminal_DoesNotColour(string variable, string value)
    {
        var colors = TerminalColors.For(Terminal, Environment((variable, value)));

        Assert.False(colors.Enabled);
        Assert.Equal("FAIL", colors.Red("FAIL"));
    }

    [Fact]
    public void AnEmptyNoColor_IsUnset()
    {
        // no-color.org: only a non-empty NO_COLOR turns colour off.
        var colors = TerminalColors.For(Terminal, Environment(("NO_COLOR", "")));

        Assert.True(colors.Enabled);
    }

    [Theory]
    [InlineData(AudienceMood.Negative, "\u001b[31mtense\u001b[0m")]
    [InlineData(AudienceMood.Neutral, "\u001b[33mtense\u001b[0m")]
    [InlineData(AudienceMood.Positive, "\u001b[32mtense\u001b[0m")]
    public void Mood_OnATerminal_ColoursByMood(AudienceMood mood, string expected)
    {
        var colors = TerminalColors.For(Terminal, Environment(("TERM", "xterm-256color")));

        Assert.Equal(expected, colors.Mood(mood, "tense"));
        Assert.Equal("tense", TerminalColors.Plain.Mood(mood, "tense"));
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
