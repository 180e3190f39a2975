using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Cli.Bench;

/// <summary>A labelled utterance from the seats, 16 kHz mono.</summary>
public sealed record AudienceClip(float[] Samples, SentimentLabel Label);
