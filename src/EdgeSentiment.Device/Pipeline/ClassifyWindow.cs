using EdgeSentiment.Core.Analysis;

namespace EdgeSentiment.Device.Pipeline;

/// <summary>Turns one 16 kHz window into a result; in production <see cref="WindowClassifier.Classify"/>.</summary>
public delegate WindowResult ClassifyWindow(ReadOnlySpan<float> window, TimeSpan start);
