namespace EdgeSentiment.Device.Indicators;

/// <summary>The <c>Indicator</c> section: console, GPIO LEDs or an RGB LED, and their wiring.</summary>
public sealed class IndicatorOptions
{
    public const string SectionName = "Indicator";

    /// <summary>"Console", "GpioLeds" or "RgbPwm"; a string so a typo is reported with the allowed values.</summary>
    public string Kind { get; set; } = nameof(IndicatorKind.Console);

    public IndicatorKind IndicatorKind => Enum.Parse<IndicatorKind>(Kind, ignoreCase: true);

    /// <summary>gpiochip with the 40-pin header; -1 finds it (Pi 4: 0; Pi 5: the RP1 chip, 4 or 0 by kernel).</summary>
    public int GpioChip { get; set; } = -1;

    /// <summary>BCM line numbers of the discrete LEDs.</summary>
    public int RedPin { get; set; } = 17;

    public int AmberPin { get; set; } = 27;

    public int GreenPin { get; set; } = 22;

    /// <summary>The LEDs light when the line is low (wired to 3.3 V through the resistor).</summary>
    public bool ActiveLow { get; set; }

    /// <summary>Full period of the fault blink (on then off), in milliseconds.</summary>
    public int BlinkPeriodMilliseconds { get; set; } = 2000;

    /// <summary>RGB: drive PWM in software on the three GPIO lines below instead of hardware PWM channels.</summary>
    public bool SoftwarePwm { get; set; }

    /// <summary>RGB, hardware PWM: the pwmchip number (/sys/class/pwm/pwmchipN).</summary>
    public int PwmChip { get; set; }

    public int RedChannel { get; set; }

    public int GreenChannel { get; set; } = 1;

    public int BlueChannel { get; set; } = 2;

    /// <summary>RGB, software PWM: BCM lines of the three colours.</summary>
    public int RgbRedPin { get; set; } = 12;

    public int RgbGreenPin { get; set; } = 13;

    public int RgbBluePin { get; set; } = 19;

    public int PwmFrequency { get; set; } = 400;

    /// <summary>RGB LED with a common anode: a colour lights when its duty cycle is low.</summary>
    public bool CommonAnode { get; set; }

    /// <summary>RGB brightness, 0 to 1.</summary>
    public double Brightness { get; set; } = 1;
}
