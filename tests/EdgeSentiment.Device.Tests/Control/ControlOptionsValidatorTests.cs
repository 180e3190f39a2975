using EdgeSentiment.Device.Control;

namespace EdgeSentiment.Device.Tests.Control;

public sealed class ControlOptionsValidatorTests
{
    [Fact]
    public void Defaults_AreValid() =>
        Assert.True(new ControlOptionsValidator().Validate(null, new ControlOptions()).Succeeded);

    [Fact]
    public void ASocketPathLongerThanTheKernelTakes_NamesTheKey()
    {
        var result = new ControlOptionsValidator().Validate(null, new ControlOptions { SocketPath = "/tmp/" + new string('s', 120) + ".sock" });

        Assert.True(result.Failed);
        Assert.Contains("Control:SocketPath", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    public void AGroupThatIsNotAName_NamesTheKey(string group)
    {
        var result = new ControlOptionsValidator().Validate(null, new ControlOptions { AllowedGroup = group });

        Assert.True(result.Failed);
        Assert.Contains("Control:AllowedGroup", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void SocketPath_NotSet_DefaultsToSystemdsRuntimeDirectory()
    {
        Assert.Equal("/run/edgesentiment/control.sock", ControlSocketPath.Resolve("", null));
        Assert.Equal("/run/other/control.sock", ControlSocketPath.Resolve(null, "/run/other"));
        Assert.Equal("/srv/agent.sock", ControlSocketPath.Resolve("/srv/agent.sock", "/run/other"));
    }
}
