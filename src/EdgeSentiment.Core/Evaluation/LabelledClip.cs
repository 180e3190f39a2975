using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Core.Evaluation;

/// <summary>A recording with the sentiment it is known to carry.</summary>
public sealed record LabelledClip(string Path, SentimentLabel Label);
