namespace EdgeSentiment.Agent.Pipeline;

/// <summary>
/// Cuts a stream of chunks into overlapping windows: the first after <see cref="WindowSamples"/>
/// samples, then one every <see cref="HopSamples"/>, at the same offsets the recording analyzer uses.
/// A ring buffer allocated once; nothing is allocated per chunk.
/// </summary>
public sealed class SlidingWindow
{
    private readonly float[] _ring;
    private readonly int _sampleRate;
    private long _total;
    private long _nextReady;
    private int _head;

    public SlidingWindow(int windowSamples, int hopSamples, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowSamples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hopSamples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        _ring = new float[windowSamples];
        HopSamples = hopSamples;
        _sampleRate = sampleRate;
        _nextReady = windowSamples;
    }

    public int WindowSamples => _ring.Length;

    public int HopSamples { get; }

    /// <summary>
    /// Takes samples from <paramref name="samples"/> up to the next window boundary.
    /// Call again with the rest until it returns 0.
    /// </summary>
    /// <returns>How many samples were taken; <paramref name="windowReady"/> says a window can be copied now.</returns>
    public int Push(ReadOnlySpan<float> samples, out bool windowReady)
    {
        var take = (int)Math.Min(samples.Length, _nextReady - _total);
        var rest = samples[..take];
        while (!rest.IsEmpty)
        {
            var room = Math.Min(rest.Length, _ring.Length - _head);
            rest[..room].CopyTo(_ring.AsSpan(_head));
            _head = (_head + room) % _ring.Length;
            rest = rest[room..];
        }

        _total += take;
        windowReady = _total == _nextReady;
        if (windowReady)
        {
            _nextReady += HopSamples;
        }

        return take;
    }

    /// <summary>Start of the most recent full window in the stream.</summary>
    public TimeSpan LatestStart => TimeSpan.FromSeconds((double)Math.Max(0, _total - _ring.Length) / _sampleRate);

    /// <summary>Copies the most recent <see cref="WindowSamples"/> samples, oldest first.</summary>
    public void CopyLatest(Span<float> window)
    {
        var oldest = _ring.AsSpan(_head);
        oldest.CopyTo(window);
        _ring.AsSpan(0, _head).CopyTo(window[oldest.Length..]);
    }
}
