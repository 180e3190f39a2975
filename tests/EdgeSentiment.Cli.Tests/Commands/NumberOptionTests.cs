namespace EdgeSentiment.Cli.Tests.Commands;

public sealed class NumberOptionTests
{
    [Theory]
    [InlineData("tail", "--count", "abc")]
    [InlineData("tail", "--count", "99999999999")]
    [InlineData("tail", "--count", "0")]
    [InlineData("bench", "--seconds", "abc")]
    [InlineData("bench", "--seconds", "NaN")]
    [InlineData("bench", "--threads", "abc")]
    [InlineData("bench", "--threads", "99999999999")]
    public void NotANumberInRange_IsOneUsageLineNamingTheOption(string command, string option, string value)
    {
        var run = CliRun.Of(command, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: {option} must be ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }
}
