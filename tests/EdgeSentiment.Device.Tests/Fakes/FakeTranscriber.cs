using EdgeSentiment.Device.Transcription;

namespace EdgeSentiment.Device.Tests.Fakes;

/// <summary>A recogniser that answers every utterance with the same words, records what it was given, and can be held back like a slow board.</summary>
internal sealed class FakeTranscriber(string text, float confidence = 0.5f) : ITranscriber
{
    private readonly Lock _gate = new();
    private readonly List<float[]> _heard = [];

    private readonly ManualResetEventSlim _open = new(initialState: true);

    /// <summary>Thrown from every call when set.</summary>
    public Exception? Failure { get; set; }

    public int SampleRate => 16_000;

    public string Description => "fake recogniser";

    public IReadOnlyList<float[]> Heard
    {
        get
        {
            lock (_gate)
            {
                return [.. _heard];
            }
        }
    }

    /// <summary>From now on every call waits, as on a board whose recogniser has fallen behind, until <see cref="Release"/>.</summary>
    public void Hold() => _open.Reset();

    public void Release() => _open.Set();

    public Transcript Transcribe(ReadOnlySpan<float> samples)
    {
        _open.Wait();
        lock (_gate)
        {
            _heard.Add(samples.ToArray());
        }

        if (Failure is { } failure)
        {
            throw failure;
        }

        return new Transcript(text, confidence);
    }

    public void Dispose() => _open.Dispose();
}
