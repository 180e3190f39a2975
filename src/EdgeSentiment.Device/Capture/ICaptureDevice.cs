namespace EdgeSentiment.Device.Capture;

/// <summary>An open input device that hands out mono frames at its own rate.</summary>
public interface ICaptureDevice : IDisposable
{
    string Name { get; }

    int SampleRate { get; }

    /// <summary>Frames each each read writes.</summary>
    int FramesPerRead { get; }

    /// <summary>Blocks for the next <see cref="FramesPerRead"/> frames; true when input overflowed before them.</summary>
    /// <exception cref="CaptureDeviceException">The device failed or went away.</exception>
    bool Read(Span<float> mono);

    /// <summary>True when the device also delivers the soundtrack reference (<c>Capture:ReferenceChannel</c>).</summary>
    bool HasReference => false;

    /// <summary>
    /// Blocks for the next <see cref="FramesPerRead"/> frames of the microphone and, sample for
    /// sample in step with it, the soundtrack reference; true when input overflowed before them.
    /// </summary>
    /// <exception cref="CaptureDeviceException">The device failed or went away.</exception>
    /// <exception cref="NotSupportedException">The device has no reference (<see cref="HasReference"/> is false).</exception>
    bool Read(Span<float> microphone, Span<float> reference) => throw new NotSupportedException($"'{Name}' has no reference channel");
}
