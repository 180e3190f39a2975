namespace EdgeSentiment.Device.Booth;

/// <summary>
/// What the booth knows of one review besides its audio, sealed next to it: when, where, how long,
/// and the acoustic sentiment per analysis window and overall.
/// </summary>
public sealed record ReviewDocument(
    string Id,
    DateTimeOffset Started,
    string Device,
    double DurationSeconds,
    string Audio,
    IReadOnlyList<ReviewWindow> Windows,
    ReviewSentiment? Overall);
