using System.Device.Gpio;
using EdgeSentiment.Device.Pipeline;

namespace EdgeSentiment.Device.Indicators;

/// <summary>
/// Three discrete LEDs: red for negative, amber for neutral, green for positive, all off when
/// nobody speaks or only the film does, amber blinking slowly when the microphone is missing.
/// </summary>
public sealed class GpioLedIndicator : IMoodIndicator
{
    private readonly GpioController _controller;
    private readonly GpioLedPins _pins;
    private readonly ITimer _blinkTimer;
    private readonly TimeSpan _blinkHalfPeriod;
    private readonly Lock _gate = new();
    private LedPattern? _shown;
    private bool _blinkOn;
    private bool _disposed;

    public GpioLedIndicator(GpioController controller, GpioLedPins pins, TimeSpan blinkPeriod, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(pins);
        ArgumentNullException.ThrowIfNull(time);
        _controller = controller;
        _pins = pins;
        _blinkHalfPeriod = blinkPeriod / 2;
        foreach (var pin in (int[])[pins.Red, pins.Amber, pins.Green])
        {
            controller.OpenPin(pin, PinMode.Output, Level(false));
        }

        _blinkTimer = time.CreateTimer(_ => Blink(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public string Name => $"GPIO LEDs (red {_pins.Red}, amber {_pins.Amber}, green {_pins.Green}{(_pins.ActiveLow ? ", active low" : "")})";

    public void Show(MoodUpdate update) => Apply(LedPatterns.For(update));

    public void ShowPattern(LedPattern pattern) => Apply(pattern);

    public void TurnOff() => Apply(LedPattern.Off);

    public void Dispose()
    {
        TurnOff();
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _blinkTimer.Dispose();
            _controller.Dispose();
        }
    }

    private void Apply(LedPattern pattern)
    {
        lock (_gate)
        {
            if (_disposed || pattern == _shown)
            {
                return;
            }

            _shown = pattern;
            var blinking = pattern is LedPattern.Fault or LedPattern.BoothRefused;
            _blinkTimer.Change(blinking ? TimeSpan.Zero : Timeout.InfiniteTimeSpan, blinking ? _blinkHalfPeriod : Timeout.InfiniteTimeSpan);
            _blinkOn = false;
            var all = pattern == LedPattern.Recording;
            Write(all || pattern == LedPattern.Negative, all || pattern == LedPattern.Neutral, all || pattern == LedPattern.Positive);
        }
    }

    private void Blink()
    {
        lock (_gate)
        {
            if (_disposed || _shown is not (LedPattern.Fault or LedPattern.BoothRefused))
            {
                return;
            }

            _blinkOn = !_blinkOn;
            var refused = _shown == LedPattern.BoothRefused;
            Write(refused && _blinkOn, !refused && _blinkOn, false);
        }
    }

    private void Write(bool red, bool amber, bool green)
    {
        _controller.Write(_pins.Red, Level(red));
        _controller.Write(_pins.Amber, Level(amber));
        _controller.Write(_pins.Green, Level(green));
    }

    private PinValue Level(bool on) => on != _pins.ActiveLow ? PinValue.High : PinValue.Low;
}
