using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Device.Storage;

/// <summary>
/// One utterance the live agent transcribed (only with <c>Transcription:Enabled</c>): its words, what
/// the voice and the words said, and the fused verdict. Kept sealed like every record; the text is
/// personal data and never leaves the store in clear except to a technician holding the key.
/// </summary>
/// <param name="StartUtc">When the utterance started.</param>
/// <param name="Seconds">How long it lasted.</param>
/// <param name="Text">The recognised words, lower case; empty when none were recognised.</param>
/// <param name="TranscriptConfidence">The recogniser's confidence in the words, 0 to 1.</param>
/// <param name="WordCount">How many words <paramref name="Text"/> holds.</param>
/// <param name="Voice">The voice model's mean over the utterance's windows.</param>
/// <param name="Words">The text model's scores; null without words.</param>
/// <param name="Fused">The late fusion of both; the voice alone when the words stayed silent.</param>
/// <param name="FusedLabel">The fused verdict's label.</param>
/// <param name="WordsUsed">Whether the words passed the fusion's gate.</param>
public sealed record TranscriptRecord(
    DateTime StartUtc,
    double Seconds,
    string Text,
    float TranscriptConfidence,
    int WordCount,
    SentimentScores Voice,
    SentimentScores? Words,
    SentimentScores Fused,
    SentimentLabel FusedLabel,
    bool WordsUsed);
