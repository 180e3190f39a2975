using System.Device.Gpio;

namespace EdgeSentiment.Device.Tests.Fakes;

/// <summary>A GPIO driver with no hardware behind it: remembers each line's level and counts writes.</summary>
public sealed class FakeGpioDriver : GpioDriver
{
    private readonly Dictionary<int, PinValue> _levels = [];
    private readonly Dictionary<int, PinMode> _modes = [];
    private int _writes;

    public int Writes => Volatile.Read(ref _writes);

    public bool Disposed { get; private set; }

    protected override int PinCount => 54;

    public PinValue Level(int pin)
    {
        lock (_levels)
        {
            return _levels.TryGetValue(pin, out var value) ? value : PinValue.Low;
        }
    }

    public bool IsOpen(int pin)
    {
        lock (_levels)
        {
            return _modes.ContainsKey(pin);
        }
    }

    protected override void OpenPin(int pinNumber)
    {
        lock (_levels)
        {
            _modes[pinNumber] = PinMode.Input;
        }
    }

    protected override void ClosePin(int pinNumber)
    {
        lock (_levels)
        {
            _modes.Remove(pinNumber);
        }
    }

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        lock (_levels)
        {
            _modes[pinNumber] = mode;
        }
    }

    protected override PinMode GetPinMode(int pinNumber)
    {
        lock (_levels)
        {
            return _modes[pinNumber];
        }
    }

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

    protected override PinValue Read(int pinNumber) => Level(pinNumber);

    protected override void Write(int pinNumber, PinValue value)
    {
        lock (_levels)
        {
            _levels[pinNumber] = value;
        }

        Interlocked.Increment(ref _writes);
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback) =>
        throw new NotSupportedException();

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback) =>
        throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
