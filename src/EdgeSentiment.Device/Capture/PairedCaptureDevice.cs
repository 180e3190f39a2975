using EdgeSentiment.Core.Audio;

namespace EdgeSentiment.Device.Capture;

/// <summary>
/// The microphone on one device and the soundtrack reference on another. The microphone's reads
/// set the pace; the reference device is read on a thread of its own into a
/// <see cref="DriftCompensator"/>, which hands the reference out in step with the microphone
/// however far the two clocks drift apart. The queue delays the reference, so the microphone is
/// delayed by as much plus <see cref="LeadSeconds"/>: an echo canceller needs the reference to
/// arrive no later than its echo, and the two devices' own latencies differ by an unknown few
/// milliseconds. A failure of either device surfaces from
/// <see cref="Read(Span{float}, Span{float})"/>, so the capture loop opens both again.
/// </summary>
public sealed class PairedCaptureDevice : ICaptureDevice
{
    /// <summary>How far the reference leads the microphone's echo of it, in seconds: a small part of the canceller's tail.</summary>
    public const double LeadSeconds = 0.05;

    private readonly ICaptureDevice _microphone;
    private readonly ICaptureDevice _reference;
    private readonly DriftCompensator _drift;
    private readonly Thread _reader;
    private readonly CancellationTokenSource _stop = new();
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly float[] _delayLine;
    private int _delayIndex;
    private volatile CaptureDeviceException? _referenceFailure;
    private bool _disposed;

    /// <param name="microphone">The device whose clock the pipeline follows.</param>
    /// <param name="reference">The device that carries the soundtrack reference, opened at the microphone's rate.</param>
    /// <param name="queueSeconds">How much of the reference is queued between the two devices.</param>
    /// <exception cref="CaptureDeviceException">The two devices opened at different rates.</exception>
    public PairedCaptureDevice(ICaptureDevice microphone, ICaptureDevice reference, double queueSeconds)
    {
        ArgumentNullException.ThrowIfNull(microphone);
        ArgumentNullException.ThrowIfNull(reference);
        if (microphone.SampleRate != reference.SampleRate)
        {
            throw new CaptureDeviceException(
                $"the reference device '{reference.Name}' opened at {reference.SampleRate} Hz and the microphone '{microphone.Name}' at {microphone.SampleRate} Hz; "
                + "use devices that both offer the same rate (ALSA 'plug' devices resample: 'edgesentiment devices' lists them)");
        }

        _microphone = microphone;
        _reference = reference;
        _drift = new DriftCompensator(microphone.SampleRate, queueSeconds);
        _delayLine = new float[MicrophoneDelay(_drift.TargetSamples, reference.FramesPerRead, microphone.FramesPerRead, microphone.SampleRate)];
        _reader = new Thread(ReadReference) { IsBackground = true, Name = "edgesentiment-reference" };
        _reader.Start();
    }

    public string Name => $"{_microphone.Name} + reference {_reference.Name}";

    public int SampleRate => _microphone.SampleRate;

    public int FramesPerRead => _microphone.FramesPerRead;

    public bool HasReference => true;

    /// <summary>The reference's clock against the microphone's now, in parts per million.</summary>
    public double DriftPpm => _drift.CorrectionPpm;

    /// <summary>
    /// Samples the microphone is delayed by: the reference read now was recorded about the queue's
    /// target plus the difference of the two devices' chunks earlier, and it must lead by <see cref="LeadSeconds"/>.
    /// </summary>
    public static int MicrophoneDelay(int queueSamples, int referenceFramesPerRead, int microphoneFramesPerRead, int sampleRate) =>
        Math.Max(1, queueSamples + referenceFramesPerRead - microphoneFramesPerRead + (int)Math.Round(LeadSeconds * sampleRate));

    public bool Read(Span<float> mono) => _microphone.Read(mono);

    public bool Read(Span<float> microphone, Span<float> reference)
    {
        if (_referenceFailure is { } failure)
        {
            throw new CaptureDeviceException($"the reference device failed: {failure.Message}", failure);
        }

        var overflowed = _microphone.Read(microphone);
        var starved = _drift.Read(reference[..FramesPerRead], _clock.Elapsed);
        Delay(microphone[..FramesPerRead]);
        return overflowed || starved;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stop.Cancel();

        // The reader wakes within one read of the reference device; then both can close.
        _reader.Join(TimeSpan.FromSeconds(5));
        _reference.Dispose();
        _microphone.Dispose();
        _stop.Dispose();
    }

    private void Delay(Span<float> samples)
    {
        for (var i = 0; i < samples.Length; i++)
        {
            (samples[i], _delayLine[_delayIndex]) = (_delayLine[_delayIndex], samples[i]);
            _delayIndex = (_delayIndex + 1) % _delayLine.Length;
        }
    }

    private void ReadReference()
    {
        var frames = new float[_reference.FramesPerRead];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                _reference.Read(frames);
                _drift.Write(frames, _clock.Elapsed);
            }
        }
        catch (CaptureDeviceException e)
        {
            _referenceFailure = e;
        }
    }
}
