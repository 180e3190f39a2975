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

    /// <summary>
    /// The film speaks only where what was cancelled is at least this loud relative to what is left,
    /// in dB (window RMS). The canceller's own input filters leave a faint copy of any voice in what
    /// it reports as removed, about 17 dB under the voice, even when the film is silent; a film that
    /// much quieter than the residual cannot be most of it. Set to -10 dB on RAVDESS actors 19-20
    /// (docs/auditorium.md).
    /// </summary>
    public double MinEchoToResidualDb { get; init; } = -10;

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

        if (!(MinEchoToResidualDb >= -60 && MinEchoToResidualDb <= 20))
        {
            throw new ArgumentException($"MinEchoToResidualDb must be in [-60, 20], it is {MinEchoToResidualDb}.");
        }
    }
}
