using System.Device.Gpio;
using System.Device.Gpio.Drivers;
using System.Device.Pwm;
using System.Device.Pwm.Drivers;
using Microsoft.Extensions.Logging;

namespace EdgeSentiment.Device.Indicators;

/// <summary>Builds the configured indicator on the board's real GPIO/PWM, or the console one.</summary>
public static class IndicatorFactory
{
    public static IMoodIndicator Create(IndicatorOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        var blink = TimeSpan.FromMilliseconds(options.BlinkPeriodMilliseconds);
        IMoodIndicator indicator = options.IndicatorKind switch
        {
            IndicatorKind.GpioLeds => new GpioLedIndicator(
                OpenGpio(options, logger),
                new GpioLedPins(options.RedPin, options.AmberPin, options.GreenPin, options.ActiveLow),
                blink,
                time),
            IndicatorKind.RgbPwm => CreateRgb(options, blink, time, logger),
            _ => new ConsoleMoodIndicator(Console.Out),
        };
        logger.IndicatorSelected(indicator.Name);
        return indicator;
    }

    private static RgbPwmIndicator CreateRgb(IndicatorOptions options, TimeSpan blink, TimeProvider time, ILogger logger)
    {
        if (options.SoftwarePwm)
        {
            // A Pi 4 has two hardware PWM channels, an RGB LED needs three: software PWM on plain GPIO lines.
            var gpio = OpenGpio(options, logger);
            return new RgbPwmIndicator(
                new SoftwarePwmChannel(options.RgbRedPin, options.PwmFrequency, 0, false, gpio, false),
                new SoftwarePwmChannel(options.RgbGreenPin, options.PwmFrequency, 0, false, gpio, false),
                new SoftwarePwmChannel(options.RgbBluePin, options.PwmFrequency, 0, false, gpio, true),
                options.CommonAnode,
                options.Brightness,
                blink,
                time);
        }

        return new RgbPwmIndicator(
            PwmChannel.Create(options.PwmChip, options.RedChannel, options.PwmFrequency, 0),
            PwmChannel.Create(options.PwmChip, options.GreenChannel, options.PwmFrequency, 0),
            PwmChannel.Create(options.PwmChip, options.BlueChannel, options.PwmFrequency, 0),
            options.CommonAnode,
            options.Brightness,
            blink,
            time);
    }

    private static GpioController OpenGpio(IndicatorOptions options, ILogger logger)
    {
        var chip = options.GpioChip;
        if (chip < 0)
        {
            (chip, var board) = GpioChipLocator.Locate();
            logger.GpioChipChosen(chip, board);
        }

        return new GpioController(new LibGpiodDriver(chip));
    }
}
