namespace EdgeSentiment.Core.Segmentation;

/// <summary>When a window that passed the speech detector is the film's dialogue rather than the audience; see docs/auditorium.md.</summary>
public sealed record FilmGateSettings
{
    public static FilmGateSettings Default { get; } = new();

    /// <summary>Length of the frames whose levels are compared, in seconds.</summary>
    public double FrameSeconds { get; init; } = 0.02;

    /// <summary>
    /// The window is the film's when the level of what is left after cancelling rises and falls
    /// with the level of what was cancelled at least this closely (Pearson correlation of the two
    /// frame-level envelopes in dB): a leak of the film follows the film, a voice in the seats does not.
    /// 0.7 was chosen on RAVDESS actors 19-20 in the auditorium bench (0.5 lost more of the
    /// audience, 0.85 let film through); docs/auditorium.md reports actors 21-24.
    /// </summary>
    public double MinEnvelopeCorrelation { get; init; } = 0.7;

    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        if (!(FrameSeconds > 0 && FrameSeconds <= 0.1))
        {
            throw new ArgumentException($"FrameSeconds must be in (0, 0.1], it is {FrameSeconds}.");
        }

        if (!(MinEnvelopeCorrelation > -1 && MinEnvelopeCorrelation <= 1))
        {
            throw new ArgumentException($"MinEnvelopeCorrelation must be in (-1, 1], it is {MinEnvelopeCorrelation}.");
        }
    }
}
