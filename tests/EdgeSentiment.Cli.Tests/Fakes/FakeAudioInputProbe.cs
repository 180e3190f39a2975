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

    /// <summary>What the microphone hears: by default a voice-like level with pauses, which passes.</summary>
    public float[] Samples { get; init; } = Signals.Bursts(440, 1, onSeconds: 0.25, amplitude: 0.1);

    /// <summary>What the reference channel hears when the check reads one.</summary>
    public float[] ReferenceSamples { get; init; } = Signals.Sine(220, 1, amplitude: 0.3);

    /// <summary>Input channels of the device.</summary>
    public int Channels { get; init; } = 2;

    public string? FindDevice(string selector) => DeviceName;

    public int InputChannels(string selector) => DeviceName is null ? 0 : Channels;

    public AudioLevel Listen(string selector, TimeSpan duration, CancellationToken cancellationToken) =>
        OpenFailure is { } reason ? throw new CaptureDeviceException(reason) : AudioLevel.Measure(Samples, 16_000);

    public ReferenceLevels ListenWithReference(string selector, int microphoneChannel, int referenceChannel, TimeSpan duration, CancellationToken cancellationToken) =>
        OpenFailure is { } reason ? throw new CaptureDeviceException(reason) : new ReferenceLevels(AudioLevel.Measure(Samples, 16_000), AudioLevel.Measure(ReferenceSamples, 16_000));
}
