using EdgeSentiment.Device.Transcription;

namespace EdgeSentiment.Device.Tests.Transcription;

public sealed class TranscriptionOptionsValidatorTests
{
    private readonly TranscriptionOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_SucceedAndAreOff()
    {
        var options = new TranscriptionOptions();

        Assert.True(_validator.Validate(null, options).Succeeded);
        Assert.False(options.Enabled);
    }

    [Fact]
    public void Validate_EnabledWithDefaults_Succeeds() =>
        Assert.True(_validator.Validate(null, new TranscriptionOptions { Enabled = true }).Succeeded);

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Validate_ReviewWeightOutsideZeroToOne_NamesTheKey(double weight)
    {
        var result = _validator.Validate(null, new TranscriptionOptions { Enabled = true, ReviewWeight = weight });

        Assert.StartsWith("Transcription:ReviewWeight is '", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_QueueShorterThanTheLongestUtterance_NamesTheKeyAndTheRange()
    {
        var result = _validator.Validate(null, new TranscriptionOptions { Enabled = true, MaxQueuedSeconds = 5 });

        Assert.Equal("Transcription:MaxQueuedSeconds is '5'; allowed: a number from 20 to 600.", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_Off_AcceptsValuesItWouldNotUse() =>
        Assert.True(_validator.Validate(null, new TranscriptionOptions { ReviewWeight = 7, MaxQueuedSeconds = 0 }).Succeeded);
}
