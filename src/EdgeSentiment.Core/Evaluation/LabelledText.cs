using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Core.Evaluation;

/// <summary>A text and its true sentiment, from a <see cref="TextManifest"/>.</summary>
public sealed record LabelledText(string Text, SentimentLabel Label);
