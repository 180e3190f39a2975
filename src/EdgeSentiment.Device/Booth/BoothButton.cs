using System.Device.Gpio;

namespace EdgeSentiment.Device.Booth;

/// <summary>
/// The booth's push button on a GPIO line, polled every few milliseconds and debounced. Polling
/// instead of edge events keeps one code path for every board and for the fake driver in tests,
/// and costs nothing next to the audio pipeline.
/// </summary>
public sealed class BoothButton : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    private readonly GpioController _controller;
    private readonly int _pin;
    private readonly bool _pullUp;
    private readonly ButtonDebouncer _debouncer;
    private readonly TimeProvider _time;

    public BoothButton(GpioController controller, int pin, bool pullUp, TimeSpan debounce, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(time);
        _controller = controller;
        _pin = pin;
        _pullUp = pullUp;
        _time = time;
        _debouncer = new ButtonDebouncer(debounce);
        controller.OpenPin(pin, pullUp ? PinMode.InputPullUp : PinMode.Input);
    }

    /// <summary>Calls <paramref name="pressed"/> once per debounced press until cancelled.</summary>
    public async Task RunAsync(Func<CancellationToken, Task> pressed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pressed);
        var start = _time.GetTimestamp();
        while (!cancellationToken.IsCancellationRequested)
        {
            // With the pull-up the line idles high and a press pulls it to ground.
            var level = _controller.Read(_pin);
            var down = _pullUp ? level == PinValue.Low : level == PinValue.High;
            if (_debouncer.Observe(down, _time.GetElapsedTime(start)))
            {
                await pressed(cancellationToken);
            }

            try
            {
                await Task.Delay(PollInterval, _time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public void Dispose()
    {
        if (_controller.IsPinOpen(_pin))
        {
            _controller.ClosePin(_pin);
        }
    }
}
