namespace EdgeSentiment.Core.Audio;

/// <summary>
/// Carries a signal from one device's clock to another's: written at the pace of the device that
/// records it, read at the pace of the device it must stay in step with. Two devices at the same
/// nominal rate drift apart by up to a few hundred parts per million; a plain queue between them
/// would slowly fill or run dry, and the delay between the two signals would wander with it. Here
/// the reading side is resampled by a ratio steered so the queue stays near its target fill: the
/// delay settles to a constant and stays there, which is what an echo canceller needs.
/// </summary>
/// <remarks>
/// Devices hand out audio in chunks, so the queue's fill jumps by a chunk whenever one arrives;
/// seen only at the reads, a drift of a few parts per million shows as a rare jump of a whole chunk.
/// Each write and read therefore carries the time it happened, and the fill is judged as if the
/// writer's samples arrived evenly since its last chunk. The steering is proportional to that
/// fill's error, smoothed over a few seconds, and slow (a time constant of about
/// <see cref="SettleSeconds"/>), so the ratio, and with it the delay, changes smoothly. Samples
/// between input samples come from cubic (Catmull-Rom) interpolation. Writes and reads may come
/// from two threads; each takes a short lock. Buffers are allocated in the constructor only.
/// </remarks>
public sealed class DriftCompensator
{
    /// <summary>The largest correction of the reading rate, in parts per million: far more than two crystals drift.</summary>
    public const double MaxCorrectionPpm = 2000;

    /// <summary>About how long the queue takes to settle after a change of drift, in seconds.</summary>
    public const double SettleSeconds = 10;

    // The fill is smoothed over about this long before it steers.
    private const double FillSmoothingSeconds = 2;

    private readonly object _gate = new();
    private readonly float[] _ring;
    private readonly int _target;
    private readonly double _gain;

    private long _written;
    private double _position;
    private double _smoothedFill;
    private bool _started;
    private TimeSpan _lastWrite;
    private int _lastWriteLength;
    private TimeSpan _lastRead;
    private double _correction;

    /// <param name="sampleRate">The nominal rate of both devices.</param>
    /// <param name="targetSeconds">How much the queue holds in steady state: at least three reads or writes of either device.</param>
    public DriftCompensator(int sampleRate, double targetSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        if (!(targetSeconds > 0 && targetSeconds <= 5))
        {
            throw new ArgumentOutOfRangeException(nameof(targetSeconds), targetSeconds, "the target fill must be in (0, 5] seconds");
        }

        SampleRate = sampleRate;
        _target = Math.Max(8, (int)Math.Round(targetSeconds * sampleRate));
        _ring = new float[(_target * 4) + 8];

        // A fill error of the whole target steers by a ratio that brings it back in SettleSeconds.
        _gain = 1.0 / (SettleSeconds * sampleRate / _target);
    }

    public int SampleRate { get; }

    /// <summary>Samples the queue aims to hold.</summary>
    public int TargetSamples => _target;

    /// <summary>The reading rate's correction now, in parts per million (positive: the writer runs fast).</summary>
    public double CorrectionPpm
    {
        get
        {
            lock (_gate)
            {
                return _correction * 1e6;
            }
        }
    }

    /// <summary>Samples queued and not yet read.</summary>
    public double Fill
    {
        get
        {
            lock (_gate)
            {
                return _written - _position;
            }
        }
    }

    /// <summary>Times the writer got so far ahead that the oldest samples were dropped.</summary>
    public long Overflows { get; private set; }

    /// <summary>Times the reader found the queue empty and was given silence.</summary>
    public long Underruns { get; private set; }

    /// <summary>Queues samples of the writing device that it finished recording at <paramref name="at"/>.</summary>
    public void Write(ReadOnlySpan<float> samples, TimeSpan at)
    {
        lock (_gate)
        {
            foreach (var sample in samples)
            {
                _ring[(int)(_written % _ring.Length)] = sample;
                _written++;
            }

            _lastWrite = at;
            _lastWriteLength = samples.Length;

            // Keep the interpolator's four points inside the ring: drop what the writer overran.
            var oldest = _written - _ring.Length + 4;
            if (_position - 1 < oldest)
            {
                Overflows++;
                Restart();
            }
        }
    }

    /// <summary>
    /// Fills <paramref name="output"/> with the written signal at the reader's clock, for a read
    /// at <paramref name="at"/>; silence until the queue first reaches its target, and after it
    /// ran dry until it reaches it again.
    /// </summary>
    /// <returns>True when the queue ran dry during this read (the caller counts it like an overrun).</returns>
    public bool Read(Span<float> output, TimeSpan at)
    {
        lock (_gate)
        {
            if (!_started)
            {
                if (_written - _position < _target)
                {
                    output.Clear();
                    _lastRead = at;
                    return false;
                }

                // Start where the estimated fill is the target, so the steering starts from no error.
                _started = true;
                _position = Math.Min(_written - 3, _position + Estimated(at) - _target);
                _smoothedFill = Estimated(at);
                _lastRead = at;
            }

            // The fill as if the writer's last chunk had arrived sample by sample.
            var elapsed = Math.Max(0, (at - _lastRead).TotalSeconds);
            _lastRead = at;
            var weight = Math.Min(1, elapsed / FillSmoothingSeconds);
            _smoothedFill += (Estimated(at) - _smoothedFill) * weight;
            _correction = Math.Clamp((_smoothedFill - _target) / _target * _gain, -MaxCorrectionPpm * 1e-6, MaxCorrectionPpm * 1e-6);

            for (var i = 0; i < output.Length; i++)
            {
                if (_written - _position < 3)
                {
                    Underruns++;
                    Restart();
                    output[i..].Clear();
                    return true;
                }

                output[i] = Interpolate(_position);
                _position += 1 + _correction;
            }

            return false;
        }
    }

    private double Estimated(TimeSpan at)
    {
        var since = Math.Max(0, (at - _lastWrite).TotalSeconds) * SampleRate;
        return _written - _lastWriteLength + Math.Min(since, _lastWriteLength) - _position;
    }

    /// <summary>Starts over: the queue keeps the newest target's worth of samples once refilled.</summary>
    private void Restart()
    {
        _started = false;
        _position = Math.Floor(Math.Max(_position, _written - _target));
    }

    private float Interpolate(double position)
    {
        var index = (long)Math.Floor(position);
        var t = (float)(position - index);
        var p0 = At(index - 1);
        var p1 = At(index);
        var p2 = At(index + 1);
        var p3 = At(index + 2);

        // Catmull-Rom: exact at the samples, smooth between them.
        return p1 + (0.5f * t * (p2 - p0 + (t * ((2 * p0) - (5 * p1) + (4 * p2) - p3 + (t * ((3 * (p1 - p2)) + p3 - p0))))));
    }

    private float At(long index) => index < 0 || index >= _written ? 0 : _ring[(int)(index % _ring.Length)];
}
