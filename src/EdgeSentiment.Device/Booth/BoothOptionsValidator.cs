using EdgeSentiment.Device.Booth.Age;
using EdgeSentiment.Device.Configuration;
using Microsoft.Extensions.Options;

namespace EdgeSentiment.Device.Booth;

/// <summary>Checks the <c>Booth</c> section at start; each failure names the key and the allowed values.</summary>
public sealed class BoothOptionsValidator : IValidateOptions<BoothOptions>
{
    public ValidateOptionsResult Validate(string? name, BoothOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new OptionErrors(BoothOptions.SectionName);
        if (!options.Enabled)
        {
            // A private key is refused even with the booth off: it must never be on the device at all.
            PrivateKeys(options, errors);
            return errors.Any ? ValidateOptionsResult.Fail(errors.Messages) : ValidateOptionsResult.Success;
        }

        errors.Range(nameof(options.ButtonPin), options.ButtonPin, -1, 53);
        errors.Range(nameof(options.GpioChip), options.GpioChip, -1, 15);
        errors.Range(nameof(options.DebounceMilliseconds), options.DebounceMilliseconds, 1, 1000);
        errors.Range(nameof(options.EndOfSpeechSeconds), options.EndOfSpeechSeconds, 1, 60);
        errors.Range(nameof(options.MaxReviewSeconds), options.MaxReviewSeconds, 5, 3600);
        errors.Range(nameof(options.WordsWaitSeconds), options.WordsWaitSeconds, 1, 600);
        errors.Range(nameof(options.SpoolLimitMegabytes), options.SpoolLimitMegabytes, 1, 1_000_000);
        errors.NotEmpty(nameof(options.SpoolFolder), options.SpoolFolder, "a folder for the sealed reviews");
        if (options.Recipients.Count == 0)
        {
            errors.Add(nameof(options.Recipients), "", "one or more age recipients (age1...), the studio's public keys from age-keygen");
        }

        PrivateKeys(options, errors);
        for (var i = 0; i < options.Recipients.Count; i++)
        {
            var recipient = options.Recipients[i];
            if (!IsPrivateKey(recipient) && !AgeRecipient.TryParse(recipient, out _))
            {
                errors.Add($"{nameof(options.Recipients)}:{i}", recipient, "an age X25519 recipient (age1...) as age-keygen prints it");
            }
        }

        return errors.Any ? ValidateOptionsResult.Fail(errors.Messages) : ValidateOptionsResult.Success;
    }

    private static void PrivateKeys(BoothOptions options, OptionErrors errors)
    {
        for (var i = 0; i < options.Recipients.Count; i++)
        {
            if (IsPrivateKey(options.Recipients[i]))
            {
                // Never echo a private key into a log; say what it is and what belongs here instead.
                errors.Add(
                    $"{nameof(options.Recipients)}:{i}",
                    "AGE-SECRET-KEY-...",
                    "a public key only (age1...): this is the studio's private key, which must never be on the device; "
                    + "remove it, and run 'age-keygen -y' on the studio's computer for the public key");
            }
        }
    }

    private static bool IsPrivateKey(string recipient) =>
        recipient.Trim().StartsWith("AGE-SECRET-KEY-", StringComparison.OrdinalIgnoreCase);
}
