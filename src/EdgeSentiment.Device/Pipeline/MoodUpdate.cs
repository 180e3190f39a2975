using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Mood;

namespace EdgeSentiment.Device.Pipeline;

/// <summary>
/// What every sink receives: the smoothed mood after a window (with that window's result),
/// or a change of the capture fault state (no window).
/// </summary>
public readonly record struct MoodUpdate(DateTimeOffset At, AudienceMood Mood, bool CaptureFault, WindowResult? Window);
