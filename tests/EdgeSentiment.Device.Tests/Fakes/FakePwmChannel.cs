using System.Device.Pwm;

namespace EdgeSentiment.Device.Tests.Fakes;

/// <summary>A PWM channel that only remembers its duty cycle and whether it runs.</summary>
public sealed class FakePwmChannel : PwmChannel
{
    public override int Frequency { get; set; } = 400;

    public override double DutyCycle { get; set; }

    public bool Running { get; private set; }

    public override void Start() => Running = true;

    public override void Stop() => Running = false;
}
