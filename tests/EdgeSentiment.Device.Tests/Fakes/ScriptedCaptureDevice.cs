using EdgeSentiment.Device.Capture;

namespace EdgeSentiment.Device.Tests.Fakes;

/// <summary>
/// An input device and its opener driven by a script: which open attempts fail (device missing),
/// and after how many reads an open device fails (unplugged mid-run).
/// </summary>
public sealed class ScriptedCaptureDevice : ICaptureDeviceOpener
{
    private readonly Func<int, bool> _openSucceeds;
    private readonly Func<int, int?> _readsBeforeLoss;
    private int _opens;

    /// <summary>Open attempt n (from 0) succeeds when <paramref name="openSucceeds"/>(n); the device it opens fails after <paramref name="readsBeforeLoss"/>(n) reads (null: never).</summary>
    public ScriptedCaptureDevice(Func<int, bool> openSucceeds, Func<int, int?> readsBeforeLoss, int sampleRate = 48000)
    {
        _openSucceeds = openSucceeds;
        _readsBeforeLoss = readsBeforeLoss;
        SampleRate = sampleRate;
    }

    public int SampleRate { get; }

    public int Attempts => Volatile.Read(ref _opens);

    public ICaptureDevice Open()
    {
        var attempt = Interlocked.Increment(ref _opens) - 1;
        if (!_openSucceeds(attempt))
        {
            throw new CaptureDeviceException("no capture device matches 'usb'");
        }

        return new Device(SampleRate, _readsBeforeLoss(attempt));
    }

    private sealed class Device : ICaptureDevice
    {
        private readonly int? _readsBeforeLoss;
        private int _reads;

        public Device(int sampleRate, int? readsBeforeLoss)
        {
            SampleRate = sampleRate;
            _readsBeforeLoss = readsBeforeLoss;
        }

        public string Name => "scripted usb microphone";

        public int SampleRate { get; }

        public int FramesPerRead => SampleRate / 10;

        public bool Read(Span<float> mono)
        {
            if (_reads++ == _readsBeforeLoss)
            {
                throw new CaptureDeviceException("reading 'scripted usb microphone' failed: device unplugged");
            }

            // Loud enough to count as speech; paced like a real device, a little faster than real time.
            mono[..FramesPerRead].Fill(0.5f);
            Thread.Sleep(5);
            return _reads == 3;
        }

        public void Dispose()
        {
        }
    }
}
