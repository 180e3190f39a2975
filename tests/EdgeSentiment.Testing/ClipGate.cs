
using EdgeSentiment.Device.Capture;

namespace EdgeSentiment.Testing;

/// <summary>
/// Opens the real device through <paramref name="inner"/> and passes its reads through until a
/// clip's worth of frames has been read; after that the device is not read again and every read
/// is silence that takes as long as it would on a microphone. The file device is not paced (it
/// serves audio thousands of times faster than real time, and stale audio once the file has
/// ended), so without the gate a live pipeline would be flooded with what follows the clip and
/// drop audio to make room. With it the run is deterministic: the whole clip goes through
/// PortAudio and the agent as fast as they take it, then quiet arrives in real time until the
/// test stops the agent.
/// </summary>
public sealed class ClipGate(ICaptureDeviceOpener inner, int clipFrames) : ICaptureDeviceOpener
{
    private int _opens;

    /// <summary>Devices opened so far; more than one means the device failed and was opened again.</summary>
    public int Opens => Volatile.Read(ref _opens);

    public ICaptureDevice Open()
    {
        var device = inner.Open();
        Interlocked.Increment(ref _opens);
        return new Gated(device, clipFrames);
    }

    private sealed class Gated(ICaptureDevice device, int clipFrames) : ICaptureDevice
    {
        private long _frames;

        public string Name => device.Name;

        public int SampleRate => device.SampleRate;

        public int FramesPerRead => device.FramesPerRead;

        public bool HasReference => device.HasReference;

        public bool Read(Span<float> mono)
        {
            if (_frames >= clipFrames)
            {
                Thread.Sleep(TimeSpan.FromSeconds((double)FramesPerRead / SampleRate));
                mono[..FramesPerRead].Clear();
                return false;
            }

            _frames += FramesPerRead;
            return device.Read(mono);
        }

        public bool Read(Span<float> microphone, Span<float> reference)
        {
            if (_frames >= clipFrames)
            {
                Thread.Sleep(TimeSpan.FromSeconds((double)FramesPerRead / SampleRate));
                microphone[..FramesPerRead].Clear();
                reference[..FramesPerRead].Clear();
                return false;
            }

            _frames += FramesPerRead;
            return device.Read(microphone, reference);
        }

        public void Dispose() => device.Dispose();
    }
}
