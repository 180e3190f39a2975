namespace EdgeSentiment.Device.Booth;

/// <summary>
/// One utterance of a review with its words: where it lies in the audio, the transcript, what the
/// voice and the text model said, and the fused verdict (<see cref="WordsUsed"/>: the fusion's gate
/// let the words in; otherwise the voice decided alone), as <c>analyze --words</c> reports it.
/// </summary>
public sealed record ReviewUtterance(
    double StartSeconds,
    double EndSeconds,
    string Transcript,
    float TranscriptConfidence,
    int WordCount,
    ReviewScores Voice,
    ReviewScores? Text,
    ReviewScores Fused,
    bool WordsUsed);
