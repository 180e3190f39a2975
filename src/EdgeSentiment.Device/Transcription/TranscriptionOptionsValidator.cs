using System.Globalization;
using EdgeSentiment.Device.Configuration;
using Microsoft.Extensions.Options;

namespace EdgeSentiment.Device.Transcription;

/// <summary>Checks the <c>Transcription</c> section at start; each failure names the key and the allowed values.</summary>
public sealed class TranscriptionOptionsValidator : IValidateOptions<TranscriptionOptions>
{
    public ValidateOptionsResult Validate(string? name, TranscriptionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new OptionErrors(TranscriptionOptions.SectionName);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        if (double.IsNaN(options.ReviewWeight) || options.ReviewWeight <= 0 || options.ReviewWeight > 1)
        {
            errors.Add(
                nameof(options.ReviewWeight),
                options.ReviewWeight.ToString(CultureInfo.InvariantCulture),
                "a number above 0 and at most 1 (1 decodes with the review language model alone)");
        }

        // At least the longest utterance (20 s), or the longest would never be taken.
        errors.Range(nameof(options.MaxQueuedSeconds), options.MaxQueuedSeconds, 20, 600);
        return errors.Any ? ValidateOptionsResult.Fail(errors.Messages) : ValidateOptionsResult.Success;
    }
}
