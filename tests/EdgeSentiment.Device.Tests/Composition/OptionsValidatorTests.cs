using EdgeSentiment.Device.Capture;
using EdgeSentiment.Device.Indicators;
using EdgeSentiment.Device.Pipeline;

namespace EdgeSentiment.Device.Tests.Composition;

public sealed class OptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new CaptureOptionsValidator().Validate(null, new CaptureOptions()).Succeeded);
        Assert.True(new IndicatorOptionsValidator().Validate(null, new IndicatorOptions()).Succeeded);
        Assert.True(new PipelineOptionsValidator().Validate(null, new PipelineOptions()).Succeeded);
    }

    [Theory]
    [InlineData("microphone")]
    [InlineData("File")]
    public void Validate_SourceInAnyCase_Succeeds(string source) =>
        Assert.True(new CaptureOptionsValidator().Validate(null, new CaptureOptions { Source = source }).Succeeded);

    [Fact]
    public void Validate_NumericSource_FailsListingTheNames()
    {
        var result = new CaptureOptionsValidator().Validate(null, new CaptureOptions { Source = "1" });

        Assert.Equal("Capture:Source is '1'; allowed: one of File, Microphone.", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_RetryCapBelowFirstRetry_NamesTheCap()
    {
        var result = new CaptureOptionsValidator().Validate(null, new CaptureOptions { FirstRetrySeconds = 10, MaxRetrySeconds = 5 });

        Assert.StartsWith("Capture:MaxRetrySeconds is '5'; allowed: a number from 10 to 3600", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ReferenceOnTheMicrophonesChannel_NamesTheReference()
    {
        var result = new CaptureOptionsValidator().Validate(null, new CaptureOptions { ReferenceChannel = 1, MicrophoneChannel = 1 });

        Assert.Equal("Capture:ReferenceChannel is '1'; allowed: 0 (no reference) or a channel other than MicrophoneChannel (1), or a ReferenceDevice of its own.", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_ReferenceOnADeviceOfItsOwn_MayUseTheSameChannelNumber()
    {
        var result = new CaptureOptionsValidator().Validate(null, new CaptureOptions { ReferenceChannel = 1, MicrophoneChannel = 1, ReferenceDevice = "processor" });

        Assert.True(result.Succeeded, string.Join("; ", result.Failures ?? []));
    }

    [Fact]
    public void Validate_ReferenceQueueShorterThanTwoReads_NamesTheQueue()
    {
        var result = new CaptureOptionsValidator().Validate(null, new CaptureOptions { ReferenceChannel = 2, ReferenceDevice = "processor", ReferenceQueueSeconds = 0.1, BufferMilliseconds = 100 });

        Assert.StartsWith("Capture:ReferenceQueueSeconds is '0.1'; allowed: at least two reads of BufferMilliseconds (0.2 s)", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EchoTailLongerThanTwoSeconds_NamesTheTail()
    {
        var result = new CaptureOptionsValidator().Validate(null, new CaptureOptions { ReferenceChannel = 2, EchoTailSeconds = 5 });

        Assert.StartsWith("Capture:EchoTailSeconds is '5'; allowed: a number from 0.05 to 2", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }
}
