namespace EdgeSentiment.Device.Transcription;

/// <summary>
/// The last few seconds of captured audio in a ring allocated once, in RAM only: an utterance is
/// known only once the model has judged its windows, so its samples are taken from here afterwards.
/// Written on the assembling loop (a copy under a short lock, no allocation), read when an utterance ends.
/// </summary>
public sealed class AudioHistory
{
    private readonly Lock _gate = new();
    private readonly float[] _ring;
    private long _end;
    private long _cleared;

    public AudioHistory(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _ring = new float[capacity];
    }

    public int Capacity => _ring.Length;

    /// <summary>The stream position just after the last sample written.</summary>
    public long End
    {
        get
        {
            lock (_gate)
            {
                return _end;
            }
        }
    }

    /// <summary>Keeps <paramref name="samples"/>, which start at stream sample <paramref name="position"/>.</summary>
    public void Write(ReadOnlySpan<float> samples, long position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        if (samples.Length > _ring.Length)
        {
            position += samples.Length - _ring.Length;
            samples = samples[^_ring.Length..];
        }

        lock (_gate)
        {
            var offset = (int)(position % _ring.Length);
            var first = Math.Min(samples.Length, _ring.Length - offset);
            samples[..first].CopyTo(_ring.AsSpan(offset));
            samples[first..].CopyTo(_ring);
            _end = Math.Max(_end, position + samples.Length);
        }
    }

    /// <summary>Forgets every sample held so far (zeroes them in RAM); what is written afterwards is kept as before.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            Array.Clear(_ring);
            _cleared = _end;
        }
    }

    /// <summary>
    /// Copies the samples from <paramref name="from"/> into <paramref name="destination"/> (as many as it holds);
    /// false when some of them are no longer (or not yet) held.
    /// </summary>
    public bool TryCopy(long from, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        lock (_gate)
        {
            var to = from + destination.Length;
            if (from < _end - _ring.Length || from < _cleared || to > _end)
            {
                return false;
            }

            var offset = (int)(from % _ring.Length);
            var first = Math.Min(destination.Length, _ring.Length - offset);
            _ring.AsSpan(offset, first).CopyTo(destination);
            _ring.AsSpan(0, destination.Length - first).CopyTo(destination[first..]);
            return true;
        }
    }
}
