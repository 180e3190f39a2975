using EdgeSentiment.Core.Analysis;

namespace EdgeSentiment.Device.Transcription;

/// <summary>
/// One utterance waiting for the recogniser: its samples (in RAM only, cleared once transcribed), when
/// it started and what the voice said; its words go to <paramref name="Receiver"/> when there is one,
/// to the result store otherwise.
/// </summary>
public sealed record UtteranceAudio(DateTime StartUtc, Utterance Utterance, SentimentScores Voice, float[] Samples, IUtteranceReceiver? Receiver = null)
{
    public double Seconds => Utterance.Duration.TotalSeconds;
}
