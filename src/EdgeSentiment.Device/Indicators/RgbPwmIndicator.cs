using System.Device.Pwm;
using EdgeSentiment.Device.Pipeline;

namespace EdgeSentiment.Device.Indicators;

/// <summary>
/// One RGB LED on three PWM channels: red, amber (red + some green), green; a dim blue glow
/// while listening to silence; a faint violet while only the film speaks; amber blinking slowly
/// on a fault; dark when stopped.
/// </summary>
public sealed class RgbPwmIndicator : IMoodIndicator
{
    private readonly PwmChannel _red;
    private readonly PwmChannel _green;
    private readonly PwmChannel _blue;
    private readonly bool _commonAnode;
    private readonly ITimer _blinkTimer;
    private readonly TimeSpan _blinkHalfPeriod;
    private readonly Lock _gate = new();
    private LedPattern? _shown;
    private bool _blinkOn;
    private bool _disposed;

    public RgbPwmIndicator(PwmChannel red, PwmChannel green, PwmChannel blue, bool commonAnode, double brightness, TimeSpan blinkPeriod, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(red);
        ArgumentNullException.ThrowIfNull(green);
        ArgumentNullException.ThrowIfNull(blue);
        ArgumentNullException.ThrowIfNull(time);
        _red = red;
        _green = green;
        _blue = blue;
        _commonAnode = commonAnode;
        Brightness = Math.Clamp(brightness, 0, 1);
        _blinkHalfPeriod = blinkPeriod / 2;
        SetColor(0, 0, 0);
        foreach (var channel in (PwmChannel[])[red, green, blue])
        {
            channel.Start();
        }

        _blinkTimer = time.CreateTimer(_ => Blink(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public string Name => $"RGB LED (PWM{(_commonAnode ? ", common anode" : "")})";

    public double Brightness { get; }

    public void Show(MoodUpdate update) => Apply(LedPatterns.For(update));

    public void ShowPattern(LedPattern pattern) => Apply(pattern);

    public void TurnOff() => Apply(null);

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
            foreach (var channel in (PwmChannel[])[_red, _green, _blue])
            {
                channel.Stop();
                channel.Dispose();
            }
        }
    }

    private void Apply(LedPattern? pattern)
    {
        lock (_gate)
        {
            if (_disposed || (pattern == _shown && pattern is not null))
            {
                return;
            }

            _shown = pattern;
            var blinking = pattern is LedPattern.Fault or LedPattern.BoothRefused;
            _blinkTimer.Change(blinking ? TimeSpan.Zero : Timeout.InfiniteTimeSpan, blinking ? _blinkHalfPeriod : Timeout.InfiniteTimeSpan);
            _blinkOn = false;
            switch (pattern)
            {
                case LedPattern.Negative:
                    SetColor(1, 0, 0);
                    break;
                case LedPattern.Neutral:
                    SetColor(1, 0.5, 0);
                    break;
                case LedPattern.Positive:
                    SetColor(0, 1, 0);
                    break;
                case LedPattern.Film:
                    // The film speaks, the audience does not: as faint as the idle glow, so the
                    // LED does not draw eyes away from the screen.
                    SetColor(0.05, 0, 0.05);
                    break;
                case LedPattern.Recording:
                    SetColor(1, 1, 1);
                    break;
                case LedPattern.Off:
                    // Listening, nobody speaking: a faint glow shows the agent is alive.
                    SetColor(0, 0, 0.05);
                    break;
                default:
                    SetColor(0, 0, 0);
                    break;
            }
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
            if (_blinkOn)
            {
                SetColor(1, _shown == LedPattern.BoothRefused ? 0 : 0.5, 0);
            }
            else
            {
                SetColor(0, 0, 0);
            }
        }
    }

    private void SetColor(double red, double green, double blue)
    {
        _red.DutyCycle = Duty(red);
        _green.DutyCycle = Duty(green);
        _blue.DutyCycle = Duty(blue);
    }

    private double Duty(double level)
    {
        var duty = level * Brightness;
        return _commonAnode ? 1 - duty : duty;
    }
}
