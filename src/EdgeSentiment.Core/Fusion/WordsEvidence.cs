using EdgeSentiment.Core.Analysis;

namespace EdgeSentiment.Core.Fusion;

/// <summary>What the words of one utterance say: the text model's scores, how many words were heard, and the recogniser's confidence (0-1).</summary>
public readonly record struct WordsEvidence(SentimentScores Scores, int WordCount, float TranscriptConfidence);
