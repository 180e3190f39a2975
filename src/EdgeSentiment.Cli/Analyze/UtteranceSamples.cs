using EdgeSentiment.Core.Analysis;

namespace EdgeSentiment.Cli.Analyze;

/// <summary>
/// The samples of one utterance, taken from a recording as it streams past: only the utterance's
/// own stretch is kept, so <c>--words</c> holds at most a few utterances of audio, never the whole file.
/// </summary>
public sealed class UtteranceSamples
{
    private readonly float[] _samples;
    private int _count;

    public UtteranceSamples(Utterance utterance, int sampleRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        Utterance = utterance;
        First = SampleAt(utterance.Start, sampleRate);
        _samples = new float[Math.Max(0, SampleAt(utterance.End, sampleRate) - First)];
    }

    public Utterance Utterance { get; }

    /// <summary>The position in the recording of the utterance's first sample.</summary>
    public long First { get; }

    /// <summary>True once every sample of the utterance has been taken.</summary>
    public bool IsComplete => _count == _samples.Length;

    /// <summary>The samples taken so far; all of them once <see cref="IsComplete"/>, fewer when the recording ended first.</summary>
    public ReadOnlySpan<float> Samples => _samples.AsSpan(0, _count);

    /// <summary>Takes the part of <paramref name="block"/> (which starts at sample <paramref name="position"/>) that falls in the utterance.</summary>
    public void Take(ReadOnlySpan<float> block, long position)
    {
        var from = Math.Max(First + _count, position);
        var to = Math.Min(First + _samples.Length, position + block.Length);
        if (to <= from)
        {
            return;
        }

        block.Slice((int)(from - position), (int)(to - from)).CopyTo(_samples.AsSpan((int)(from - First)));
        _count = (int)(to - First);
    }

    /// <summary>The position in a recording at <paramref name="sampleRate"/> of the sample at <paramref name="time"/>.</summary>
    public static long SampleAt(TimeSpan time, int sampleRate) => (long)Math.Round(time.TotalSeconds * sampleRate);
}
