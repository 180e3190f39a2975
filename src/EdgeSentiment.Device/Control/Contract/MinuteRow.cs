using EdgeSentiment.Core.Mood;
using EdgeSentiment.Core.Summaries;

namespace EdgeSentiment.Device.Control.Contract;

/// <summary>A stored minute summary on the wire.</summary>
public sealed record MinuteRow(DateTime StartUtc, TallyRow Tally, AudienceMood DominantMood)
{
    public static MinuteRow From(MinuteSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new(summary.MinuteStartUtc, TallyRow.From(summary.Tally), summary.DominantMood);
    }

    public MinuteSummary ToSummary() => new(DateTime.SpecifyKind(StartUtc, DateTimeKind.Utc), Tally.ToTally(), DominantMood);
}
