using EdgeSentiment.Core.Mood;
using EdgeSentiment.Device.Storage;

namespace EdgeSentiment.Device.Control.Contract;

/// <summary>
/// A screening session on the wire; <see cref="EndUtc"/> is null while it runs, <see cref="DominantMood"/>
/// until it ends (and for sessions stored before the mood was kept).
/// </summary>
public sealed record SessionRow(Guid Id, DateTime StartUtc, DateTime? EndUtc, string? Title, TallyRow Tally, AudienceMood? DominantMood = null)
{
    public static SessionRow From(Stored<ScreeningSession> stored) =>
        new(stored.Id, stored.Value.StartUtc, stored.Value.EndUtc, stored.Value.Title, TallyRow.From(stored.Value.Aggregate), stored.Value.DominantMood);

    public ScreeningSession ToSession() => new(
        DateTime.SpecifyKind(StartUtc, DateTimeKind.Utc),
        EndUtc is { } end ? DateTime.SpecifyKind(end, DateTimeKind.Utc) : null,
        Title,
        Tally.ToTally())
    {
        DominantMood = DominantMood,
    };
}
