namespace EdgeSentiment.Core.Segmentation;

/// <summary>
/// Assembles live audio into analysis windows: push chunks of any size, and every hop (once the
/// first window is full) a window of the latest <see cref="WindowSamples"/> samples is ready.
/// Its windows are the <see cref="WindowPlanner"/>'s regular windows of the same audio.
/// </summary>
/// <remarks>
/// Use: <c>while (!chunk.IsEmpty) { chunk = chunk[assembler.Append(chunk)..]; if (assembler.IsWindowReady) assembler.CopyWindowTo(buffer); }</c>.
/// The ring is allocated once; <see cref="Append"/> allocates nothing. The window is unrolled
/// straight into the caller's buffer (the one it hands to the next stage), not through one of ours
/// first: one copy per window, not two. One producer thread.
/// </remarks>
public sealed class WindowAssembler
{
    private readonly float[] _ring;
    private int _writeAt;
    private long _received;
    private long _nextWindowEnd;

    public WindowAssembler(AnalysisWindowSettings settings, int sampleRate)
    {
        var planner = new WindowPlanner(settings, sampleRate);
        WindowSamples = planner.WindowSamples;
        HopSamples = planner.HopSamples;
        _ring = new float[WindowSamples];
        _nextWindowEnd = WindowSamples;
    }

    public int WindowSamples { get; }

    public int HopSamples { get; }

    /// <summary>True right after <see cref="Append"/> completed a window, until the next call.</summary>
    public bool IsWindowReady { get; private set; }

    /// <summary>
    /// Writes the completed window, oldest sample first, to the first <see cref="WindowSamples"/>
    /// values of <paramref name="destination"/>; valid until the next <see cref="Append"/>.
    /// </summary>
    public void CopyWindowTo(Span<float> destination)
    {
        if (!IsWindowReady)
        {
            throw new InvalidOperationException("no window is ready: check IsWindowReady after Append.");
        }

        if (destination.Length < WindowSamples)
        {
            throw new ArgumentException($"a window is {WindowSamples} samples; the destination holds {destination.Length}", nameof(destination));
        }

        // The ring is full and _writeAt points at the oldest sample: unroll it in time order.
        var older = _ring.AsSpan(_writeAt);
        older.CopyTo(destination);
        _ring.AsSpan(0, _writeAt).CopyTo(destination[older.Length..]);
    }

    /// <summary>Index in the stream of the first sample of the completed window.</summary>
    public long WindowStart { get; private set; }

    /// <summary>Samples received since construction or <see cref="Reset"/>.</summary>
    public long SamplesReceived => _received;

    /// <summary>
    /// Takes samples from <paramref name="chunk"/> up to the end of the next window and returns how
    /// many it took; call again with the rest. <see cref="IsWindowReady"/> tells whether a window completed.
    /// </summary>
    public int Append(ReadOnlySpan<float> chunk)
    {
        IsWindowReady = false;
        var take = (int)Math.Min(chunk.Length, _nextWindowEnd - _received);
        var rest = chunk[..take];
        while (!rest.IsEmpty)
        {
            var part = Math.Min(rest.Length, _ring.Length - _writeAt);
            rest[..part].CopyTo(_ring.AsSpan(_writeAt));
            _writeAt = (_writeAt + part) % _ring.Length;
            rest = rest[part..];
        }

        _received += take;
        if (_received == _nextWindowEnd)
        {
            WindowStart = _received - WindowSamples;
            _nextWindowEnd += HopSamples;
            IsWindowReady = true;
        }

        return take;
    }

    /// <summary>Forgets everything received, e.g. after the capture restarted.</summary>
    public void Reset()
    {
        _writeAt = 0;
        _received = 0;
        _nextWindowEnd = WindowSamples;
        IsWindowReady = false;
        WindowStart = 0;
    }
}
