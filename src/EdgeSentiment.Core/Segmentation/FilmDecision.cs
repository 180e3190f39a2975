namespace EdgeSentiment.Core.Segmentation;

/// <summary>Whether a window's speech is the film's, with the evidence.</summary>
/// <param name="FilmSpeaks">What the canceller took away (the film as the room plays it) holds speech and is not far quieter than what is left.</param>
/// <param name="EnvelopeCorrelation">How closely what is left follows what was taken away, -1..1.</param>
/// <param name="IsFilm">The film speaks and what is left follows it: not the audience.</param>
public readonly record struct FilmDecision(bool FilmSpeaks, float EnvelopeCorrelation, bool IsFilm);
