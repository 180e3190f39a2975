using EdgeSentiment.Core.Mood;
using EdgeSentiment.Device.Pipeline;

namespace EdgeSentiment.Device.Indicators;

/// <summary>The one mapping from pipeline state to LED pattern, shared by every LED indicator.</summary>
public static class LedPatterns
{
    public static LedPattern For(MoodUpdate update) => update.CaptureFault
        ? LedPattern.Fault
        : update.Mood switch
        {
            AudienceMood.Negative => LedPattern.Negative,
            AudienceMood.Neutral => LedPattern.Neutral,
            AudienceMood.Positive => LedPattern.Positive,
            AudienceMood.Film => LedPattern.Film,
            _ => LedPattern.Off,
        };
}
