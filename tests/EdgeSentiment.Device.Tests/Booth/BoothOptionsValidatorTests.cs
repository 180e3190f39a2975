using EdgeSentiment.Device.Booth;
using EdgeSentiment.Device.Sealing;

namespace EdgeSentiment.Device.Tests.Booth;

public sealed class BoothOptionsValidatorTests
{
    [Fact]
    public void A_disabled_booth_needs_no_settings()
    {
        Assert.True(new BoothOptionsValidator().Validate(null, new BoothOptions()).Succeeded);
    }

    [Fact]
    public void An_enabled_booth_with_a_studio_recipient_is_valid()
    {
        using var studio = AgeIdentity.Generate();
        var options = new BoothOptions { Enabled = true };
        options.Recipients.Add(studio.Recipient.ToString());

        Assert.True(new BoothOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void A_private_key_among_the_recipients_is_refused_without_being_repeated()
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
    public void A_private_key_is_refused_even_with_the_booth_off()
    {
        using var studio = AgeIdentity.Generate();
        var options = new BoothOptions();
        options.Recipients.Add(studio.ToSecretString());

        Assert.True(new BoothOptionsValidator().Validate(null, options).Failed);
    }

    [Fact]
    public void Every_bad_setting_is_named_at_once()
    {
        var options = new BoothOptions { Enabled = true, ButtonPin = 99, EndOfSpeechSeconds = 0, SpoolLimitMegabytes = 0 };
        options.Recipients.Add("age1notakey");

        var result = new BoothOptionsValidator().Validate(null, options);

        Assert.Equal(4, result.Failures!.Count());
        Assert.Contains("Booth:Recipients:0 is 'age1notakey'", result.FailureMessage, StringComparison.Ordinal);
    }
}
