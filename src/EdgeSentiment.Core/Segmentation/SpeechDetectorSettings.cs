namespace EdgeSentiment.Core.Segmentation;

/// <summary>Thresholds of the <see cref="SpeechDetector"/>; the defaults are documented in docs/speech-detection.md.</summary>
public sealed record SpeechDetectorSettings
{
    public static SpeechDetectorSettings Default { get; } = new();

    /// <summary>
    /// With a soundtrack reference: the microphone's gain is then set so the film does not clip, and
    /// the audience's speech sits 10-20 dB lower in full scale than near a microphone set for voices.
    /// The echo canceller and the film gate, not the level floor, keep the film out; the gate judges
    /// the film's own speech (loud at the microphone) with <see cref="Default"/>. Chosen on RAVDESS
    /// actors 19-20 with <c>edgesentiment bench auditorium</c> (docs/auditorium.md).
    /// </summary>
    public static SpeechDetectorSettings Auditorium { get; } = new() { MinLevelDbfs = -58, MinActiveFrameDbfs = -68 };

    /// <summary>Energy frame length; 20 ms resolves syllables without tracking pitch periods.</summary>
    public double FrameSeconds { get; init; } = 0.020;

    /// <summary>Distance between energy frames: a 100 Hz envelope, ample for 2–8 Hz modulation.</summary>
    public double FrameHopSeconds { get; init; } = 0.010;

    /// <summary>A window quieter than this (RMS, dBFS) is no speech: silence, a far-away murmur.</summary>
    public double MinLevelDbfs { get; init; } = -50;

    /// <summary>Frame levels are clamped here, so digital silence does not make the floor meaningless.</summary>
    public double FrameFloorDbfs { get; init; } = -70;

    /// <summary>The window's noise floor is this quantile of its frame levels.</summary>
    public double NoiseFloorQuantile { get; init; } = 0.10;

    /// <summary>A frame is active when it is this much above the window's noise floor.</summary>
    public double ActiveMarginDb { get; init; } = 6;

    /// <summary>A frame is never active below this level, however low the noise floor.</summary>
    public double MinActiveFrameDbfs { get; init; } = -60;

    /// <summary>Speech needs at least this fraction of active frames.</summary>
    public double MinActiveRatio { get; init; } = 0.20;

    /// <summary>Band of the syllabic rate in the frame-level envelope.</summary>
    public double SyllabicMinHz { get; init; } = 2;

    public double SyllabicMaxHz { get; init; } = 8;

    /// <summary>Speech needs at least this much envelope modulation (RMS, dB) in the syllabic band.</summary>
    public double MinSyllabicDepthDb { get; init; } = 2;
}
