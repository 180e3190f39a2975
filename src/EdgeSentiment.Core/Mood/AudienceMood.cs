namespace EdgeSentiment.Core.Mood;

/// <summary>What the indicators show: the smoothed sentiment, that nobody is speaking, or that only the film speaks.</summary>
public enum AudienceMood
{
    NoSpeech = 0,
    Negative = 1,
    Neutral = 2,
    Positive = 3,

    /// <summary>The film speaks and the audience does not (only with a soundtrack reference; see docs/mood.md).</summary>
    Film = 4,
}
