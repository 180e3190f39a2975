namespace EdgeSentiment.Device.Indicators;

/// <summary>How the mood is shown.</summary>
public enum IndicatorKind
{
    /// <summary>Printed on standard output (development, the default run).</summary>
    Console = 0,

    /// <summary>Three discrete LEDs on GPIO lines: red, amber, green.</summary>
    GpioLeds,

    /// <summary>One RGB LED driven by three PWM channels.</summary>
    RgbPwm,
}
