namespace EdgeSentiment.Device.Transcription;

/// <summary>Speech to text for one utterance: a recognition engine behind a seam, so engines can be swapped.</summary>
public interface ITranscriber : IDisposable
{
    /// <summary>The sample rate <see cref="Transcribe"/> expects (mono).</summary>
    int SampleRate { get; }

    /// <summary>What the engine and its language model are, for reports.</summary>
    string Description { get; }

    /// <summary>The words of one utterance of mono samples in [-1, 1] at <see cref="SampleRate"/>.</summary>
    /// <exception cref="TranscriptionException">The engine failed on this audio.</exception>
    Transcript Transcribe(ReadOnlySpan<float> samples);
}
