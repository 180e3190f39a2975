namespace EdgeSentiment.Device.Capture;

/// <summary>An open input device that hands out mono frames at its own rate.</summary>
public interface ICaptureDevice : IDisposable
{
    string Name { get; }

    int SampleRate { get; }

    /// <summary>Frames each <see cref="Read"/> writes.</summary>
    int FramesPerRead { get; }

    /// <summary>Blocks for the next <see cref="FramesPerRead"/> frames; true when input overflowed before them.</summary>
    /// <exception cref="CaptureDeviceException">The device failed or went away.</exception>
    bool Read(Span<float> mono);
}
