namespace EdgeSentiment.Device.Indicators;

/// <summary>Which GPIO lines (BCM numbering) drive the three LEDs, and whether low means on.</summary>
public sealed record GpioLedPins(int Red, int Amber, int Green, bool ActiveLow);
