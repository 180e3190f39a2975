namespace EdgeSentiment.Cli.Bench;

/// <summary>How the synthetic auditorium is built; see docs/auditorium.md.</summary>
public sealed record AuditoriumSettings
{
    /// <summary>The film at the microphone relative to the audience's speech, in dB.</summary>
    public IReadOnlyList<double> FilmLevelsDb { get; init; } = [0, 10, 20];

    /// <summary>Reverberation times of the rooms, in seconds.</summary>
    public IReadOnlyList<double> Rt60Seconds { get; init; } = [0.3, 1.0];

    /// <summary>
    /// The audience's speech at the microphone while it sounds (the mean power of its louder
    /// half of 20 ms frames), in dBFS: a voice a few seats from the microphone.
    /// </summary>
    public double AudienceLevelDbfs { get; init; } = -30;

    /// <summary>The film plays alone this long before the first utterance (the canceller learns the room) and is not measured.</summary>
    public double LeadInSeconds { get; init; } = 10;

    /// <summary>Film alone between two utterances: long enough for windows with no audience in them.</summary>
    public double GapSeconds { get; init; } = 3;

    /// <summary>The score under the film's dialogue, relative to the dialogue, in dB.</summary>
    public double MusicDb { get; init; } = -15;

    /// <summary>The echo canceller's tail, in seconds.</summary>
    public double TailSeconds { get; init; } = 0.5;

    /// <summary>The film gate's least envelope correlation.</summary>
    public double MinEnvelopeCorrelation { get; init; } = Core.Segmentation.FilmGateSettings.Default.MinEnvelopeCorrelation;

    /// <summary>The film gate's least level of what was cancelled relative to what is left, in dB.</summary>
    public double MinEchoToResidualDb { get; init; } = Core.Segmentation.FilmGateSettings.Default.MinEchoToResidualDb;

    /// <summary>The speech detector of the canceller rows: the device's with a reference unless a bench option changes it.</summary>
    public Core.Segmentation.SpeechDetectorSettings Speech { get; init; } = Core.Segmentation.SpeechDetectorSettings.Auditorium;

    /// <summary>Run SpeexDSP's residual echo suppressor after the filter.</summary>
    public bool SuppressResidual { get; init; }

    public int Seed { get; init; } = 2026;
}
