using System.Runtime.InteropServices;

namespace EdgeSentiment.Core.Segmentation;

/// <summary>
/// Tells whether a window continues the previous one by exactly one hop, so the frames both
/// windows share can be carried over instead of computed again.
/// </summary>
/// <remarks>
/// It compares the samples themselves (bit for bit) rather than trusting stream positions: a
/// dropped window, a capture restart or an unrelated recording simply does not match, and every
/// window then gets the same features as it would on its own. The check and the copy cost a few
/// microseconds against the hundreds a frame reuse saves. One instance serves one thread at a time.
/// </remarks>
public sealed class WindowOverlap
{
    private readonly float[] _previous;
    private bool _hasPrevious;

    public WindowOverlap(int windowSamples, int hopSamples)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowSamples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hopSamples);
        WindowSamples = windowSamples;
        HopSamples = hopSamples;
        _previous = new float[windowSamples];
    }

    public int WindowSamples { get; }

    public int HopSamples { get; }

    /// <summary>
    /// Remembers <paramref name="window"/> and returns <see cref="HopSamples"/> when its first
    /// samples are the previous window's samples after the first hop, or 0 when they are not
    /// (or there was no previous window, or the hop is not shorter than the window).
    /// </summary>
    public int Follow(ReadOnlySpan<float> window)
    {
        if (window.Length != WindowSamples)
        {
            throw new ArgumentException($"a window is {WindowSamples} samples, got {window.Length}.", nameof(window));
        }

        var shared = WindowSamples - HopSamples;
        var follows = _hasPrevious && shared > 0
            && MemoryMarshal.Cast<float, int>(window[..shared]).SequenceEqual(MemoryMarshal.Cast<float, int>(_previous.AsSpan(HopSamples)));
        window.CopyTo(_previous);
        _hasPrevious = true;
        return follows ? HopSamples : 0;
    }

    /// <summary>Forgets the previous window, so the next one is taken on its own.</summary>
    public void Forget() => _hasPrevious = false;
}
