namespace EdgeSentiment.Core.Analysis;

/// <summary>An utterance of a live stream with the voice model's mean scores over its windows.</summary>
public readonly record struct VoicedUtterance(Utterance Utterance, SentimentScores Voice);
