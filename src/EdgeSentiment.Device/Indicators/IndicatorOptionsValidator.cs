using EdgeSentiment.Device.Configuration;
using Microsoft.Extensions.Options;

namespace EdgeSentiment.Device.Indicators;

/// <summary>Checks the <c>Indicator</c> section at start; each failure names the key and the allowed values.</summary>
public sealed class IndicatorOptionsValidator : IValidateOptions<IndicatorOptions>
{
    private const int MaxLine = 63;

    public ValidateOptionsResult Validate(string? name, IndicatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new OptionErrors(IndicatorOptions.SectionName);
        errors.Enum<IndicatorKind>(nameof(options.Kind), options.Kind);
        errors.Range(nameof(options.GpioChip), options.GpioChip, -1, 31);
        errors.Range(nameof(options.RedPin), options.RedPin, 0, MaxLine);
        errors.Range(nameof(options.AmberPin), options.AmberPin, 0, MaxLine);
        errors.Range(nameof(options.GreenPin), options.GreenPin, 0, MaxLine);
        if (options.RedPin == options.AmberPin || options.RedPin == options.GreenPin || options.AmberPin == options.GreenPin)
        {
            errors.Add(nameof(options.RedPin), $"{options.RedPin}/{options.AmberPin}/{options.GreenPin}", "three different GPIO lines for RedPin, AmberPin and GreenPin");
        }

        errors.Range(nameof(options.BlinkPeriodMilliseconds), options.BlinkPeriodMilliseconds, 100, 10000);
        errors.Range(nameof(options.PwmChip), options.PwmChip, 0, 31);
        errors.Range(nameof(options.RedChannel), options.RedChannel, 0, 15);
        errors.Range(nameof(options.GreenChannel), options.GreenChannel, 0, 15);
        errors.Range(nameof(options.BlueChannel), options.BlueChannel, 0, 15);
        errors.Range(nameof(options.RgbRedPin), options.RgbRedPin, 0, MaxLine);
        errors.Range(nameof(options.RgbGreenPin), options.RgbGreenPin, 0, MaxLine);
        errors.Range(nameof(options.RgbBluePin), options.RgbBluePin, 0, MaxLine);
        errors.Range(nameof(options.PwmFrequency), options.PwmFrequency, 50, 100000);
        errors.Range(nameof(options.Brightness), options.Brightness, 0, 1);
        return errors.Any ? ValidateOptionsResult.Fail(errors.Messages) : ValidateOptionsResult.Success;
    }
}
