using EdgeSentiment.Device.Composition;

namespace EdgeSentiment.Device.Tests.Composition;

public sealed class AgentCommandLineTests
{
    [Theory]
    [InlineData("--Capture:Source", "Microphone")]
    [InlineData("--Capture:Source=Microphone")]
    [InlineData("/Capture:Source", "Microphone")]
    [InlineData("Capture:Source=Microphone")]
    [InlineData("--Logging:LogLevel:Default", "Debug")]
    [InlineData("--Booth:Recipients:0", "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p")]
    public void Check_SettingInAnySpellingTheConfigurationReads_LetsTheAgentStart(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Null(AgentCommandLine.Check(args, output, error));
        Assert.Equal("", error.ToString());
    }

    [Fact]
    public void Check_SettingWithoutAValue_IsRefused()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(2, AgentCommandLine.Check(["--Capture:Loop", "false", "--Capture:Source"], output, error));
        Assert.Equal("error: --Capture:Source needs a value, e.g. --Capture:Source value or --Capture:Source=value", error.ToString().TrimEnd());
    }

    [Fact]
    public void Check_SingleDashSetting_IsRefusedInsteadOfThrowing()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(2, AgentCommandLine.Check(["-Capture:Source=Microphone"], output, error));
        Assert.Contains("did you mean --Capture:Source value?", error.ToString(), StringComparison.Ordinal);
    }
}
