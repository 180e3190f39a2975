using EdgeSentiment.Cli.Doctor;
using EdgeSentiment.Device.Capture;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Cli.Tests.Fakes;

/// <summary>A capture device that is there or not, opens or not, and hears the samples it is given.</summary>
public sealed class FakeAudioInputProbe : IAudioInputProbe
{
    public string? DeviceName { get; init; } = "USB Audio Device";

    /// <summary>When set, opening the device fails with this reason (another process holds it).</summary>
    public string? OpenFailure { get; init; }

    public float[] Samples { get; init; } = Signals.Sine(440, 1, amplitude: 0.1);

    public string? FindDevice(string selector) => DeviceName;

    public AudioLevel Listen(string selector, TimeSpan duration, CancellationToken cancellationToken) =>
        OpenFailure is { } reason ? throw new CaptureDeviceException(reason) : AudioLevel.Measure(Samples, 16_000);
}
