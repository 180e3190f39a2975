namespace EdgeSentiment.Cli.Bench;

/// <summary>One line of the auditorium bench: one room, one film level, one way of processing.</summary>
/// <param name="FilmDb">The film at the microphone relative to the audience's speech, in dB; null without film.</param>
/// <param name="Rt60Seconds">The room's reverberation time; null without film.</param>
/// <param name="Processing">"none", "canceller" or "canceller+gate".</param>
/// <param name="FilmOnlyScored">Share of windows without the audience that were scored as audience speech; null without film.</param>
/// <param name="FilmOnlyMarkedFilm">Share of windows without the audience that the film gate marked as the film's (<c>IsFilm</c>), as the device counts them in its summaries; null without film or without the gate.</param>
/// <param name="FilmOnlyMoodFilm">Share of windows without the audience after which the mood, as the agent's smoother makes it, was <c>Film</c>; null without film or without the gate.</param>
/// <param name="Uar">Unweighted average recall over the audience's utterances; an utterance with no window scored as audience speech counts as missed.</param>
/// <param name="Heard">Share of the audience's utterances with at least one window scored as audience speech.</param>
/// <param name="ErleDb">Echo return loss enhancement while only the film plays; null without the canceller.</param>
public sealed record AuditoriumRow(
    double? FilmDb,
    double? Rt60Seconds,
    string Processing,
    double? FilmOnlyScored,
    double? FilmOnlyMarkedFilm,
    double? FilmOnlyMoodFilm,
    double Uar,
    double Heard,
    double? ErleDb);
