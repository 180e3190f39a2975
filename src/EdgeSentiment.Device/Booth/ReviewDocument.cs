using System.Text.Json.Serialization;

namespace EdgeSentiment.Device.Booth;

/// <summary>
/// What the booth knows of one review besides its audio, sealed next to it: when, where, how long,
/// the acoustic sentiment per analysis window and overall, and, with <c>Transcription:Enabled</c>,
/// its words (absent otherwise, so the document is what it was before there were words).
/// </summary>
public sealed record ReviewDocument(
    string Id,
    DateTimeOffset Started,
    string Device,
    double DurationSeconds,
    string Audio,
    IReadOnlyList<ReviewWindow> Windows,
    ReviewSentiment? Overall,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ReviewWords? Words = null);
