using EdgeSentiment.Device.Booth;
using EdgeSentiment.Device.Booth.Age;

namespace EdgeSentiment.Device.Tests.Booth;

public sealed class BoothOptionsValidatorTests
{
    [Fact]
    public void Validate_BoothDisabled_NeedsNoSettings()
    {
        Assert.True(new BoothOptionsValidator().Validate(null, new BoothOptions()).Succeeded);
    }

    [Fact]
    public void Validate_EnabledWithStudioRecipient_Valid()
    {
        using var studio = AgeIdentity.Generate();
        var options = new BoothOptions { Enabled = true };
        options.Recipients.Add(studio.Recipient.ToString());

        Assert.True(new BoothOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_PrivateKeyAmongRecipients_RefusedWithoutRepeatingIt()
    {
        using var studio = AgeIdentity.Generate();
        var options = new BoothOptions { Enabled = true };
        options.Recipients.Add(studio.ToSecretString());

        var result = new BoothOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Booth:Recipients:0", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("must never be on the device", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(studio.ToSecretString(), result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PrivateKeyWithBoothOff_Refused()
    {
        using var studio = AgeIdentity.Generate();
        var options = new BoothOptions();
        options.Recipients.Add(studio.ToSecretString());

        Assert.True(new BoothOptionsValidator().Validate(null, options).Failed);
    }

    [Fact]
    public void Validate_SeveralBadSettings_AllNamedAtOnce()
    {
        var options = new BoothOptions { Enabled = true, ButtonPin = 99, EndOfSpeechSeconds = 0, SpoolLimitMegabytes = 0 };
        options.Recipients.Add("age1notakey");

        var result = new BoothOptionsValidator().Validate(null, options);

        Assert.Equal(4, result.Failures!.Count());
        Assert.Contains("Booth:Recipients:0 is 'age1notakey'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(601)]
    [InlineData(double.NaN)]
    public void Validate_WordsWaitOutOfRange_NamesTheKeyAndTheRange(double seconds)
    {
        using var studio = AgeIdentity.Generate();
        var options = new BoothOptions { Enabled = true, WordsWaitSeconds = seconds };
        options.Recipients.Add(studio.Recipient.ToString());

        var result = new BoothOptionsValidator().Validate(null, options);

        Assert.Contains("Booth:WordsWaitSeconds", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("a number from 1 to 600", result.FailureMessage, StringComparison.Ordinal);
    }
}
