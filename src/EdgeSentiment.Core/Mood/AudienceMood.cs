namespace EdgeSentiment.Core.Mood;

/// <summary>What the indicators show: the smoothed sentiment, or that nobody is speaking.</summary>
public enum AudienceMood
{
    NoSpeech = 0,
    Negative = 1,
    Neutral = 2,
    Positive = 3,
}
