namespace EdgeSentiment.Core.Segmentation;

/// <summary>
/// Cuts a recording that arrives a block at a time into exactly the windows <see cref="WindowPlanner"/>
/// plans for the whole of it, holding no more than one window and one hop of samples.
/// </summary>
/// <remarks>
/// Write a block, take every window it completes, repeat; at the end of the recording take the last
/// window once (the window aligned to the end, or the only, zero-padded, window of a short recording).
/// </remarks>
public sealed class RecordingWindowCutter
{
    private readonly int _window;
    private readonly int _hop;
    private readonly int _sampleRate;

    // Samples from absolute position _bufferStart on; never more than one window and one hop.
    private readonly float[] _buffer;
    private long _bufferStart;
    private int _count;
    private long _nextStart;
    private bool _lastTaken;

    public RecordingWindowCutter(AnalysisWindowSettings settings, int sampleRate)
    {
        var planner = new WindowPlanner(settings, sampleRate);
        _window = planner.WindowSamples;
        _hop = planner.HopSamples;
        _sampleRate = sampleRate;
        _buffer = new float[_window + _hop];
    }

    /// <summary>Samples written so far.</summary>
    public long SampleCount => _bufferStart + _count;

    /// <summary>Appends as many of <paramref name="samples"/> as fit; returns how many. Take the windows, then write the rest.</summary>
    public int Write(ReadOnlySpan<float> samples)
    {
        // Keep what the next regular window and a window aligned to the end could still need.
        long keepFrom = Math.Max(0, Math.Min(_nextStart, SampleCount - _window));
        int drop = (int)(keepFrom - _bufferStart);
        if (drop > 0)
        {
            _buffer.AsSpan(drop, _count - drop).CopyTo(_buffer);
            _count -= drop;
            _bufferStart = keepFrom;
        }

        int take = Math.Min(samples.Length, _buffer.Length - _count);
        samples[..take].CopyTo(_buffer.AsSpan(_count));
        _count += take;
        return take;
    }

    /// <summary>Copies the next complete regular window into <paramref name="window"/>, if the samples for it have arrived.</summary>
    public bool TryTake(Span<float> window, out TimeSpan start)
    {
        CheckLength(window);
        if (_nextStart + _window > SampleCount)
        {
            start = default;
            return false;
        }

        _buffer.AsSpan((int)(_nextStart - _bufferStart), _window).CopyTo(window);
        start = StartTime(_nextStart);
        _nextStart += _hop;
        return true;
    }

    /// <summary>At the end of the recording: the window that covers its tail, if the regular windows stopped short of it.</summary>
    public bool TryTakeLast(Span<float> window, out TimeSpan start)
    {
        CheckLength(window);
        start = default;
        long total = SampleCount;
        if (_lastTaken || total == 0)
        {
            return false;
        }

        _lastTaken = true;
        if (total < _window)
        {
            _buffer.AsSpan(0, _count).CopyTo(window);
            window[_count..].Clear();
            return true;
        }

        long lastRegularEnd = _nextStart - _hop + _window;
        if (lastRegularEnd >= total)
        {
            return false;
        }

        _buffer.AsSpan((int)(total - _window - _bufferStart), _window).CopyTo(window);
        start = StartTime(total - _window);
        return true;
    }

    private TimeSpan StartTime(long sample) => TimeSpan.FromSeconds((double)sample / _sampleRate);

    private void CheckLength(Span<float> window)
    {
        if (window.Length != _window)
        {
            throw new ArgumentException($"a window is {_window} samples, got {window.Length}", nameof(window));
        }
    }
}
