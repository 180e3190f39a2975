namespace EdgeSentiment.Core.Fusion;

/// <summary>
/// How the voice and the words of an utterance are combined, and when the words may speak at all.
/// The defaults were chosen on validation material only (RAVDESS actors 19-20, espeak-ng readings of
/// SST dev sentences) by <c>scripts/fusion-figures</c>; docs/asr-card.md has the figures.
/// </summary>
public sealed record FusionSettings
{
    public static FusionSettings Default { get; } = new();

    /// <summary>The voice's share of the fused scores when the words speak, in [0, 1].</summary>
    public float VoiceWeight { get; init; } = 0.8f;

    /// <summary>Fewer recognised words than this and the words stay silent.</summary>
    public int MinWords { get; init; } = 4;

    /// <summary>The text model's top score must reach this for the words to speak.</summary>
    public float MinTextConfidence { get; init; } = 0.6f;

    /// <summary>The recogniser's per-word confidence must reach this for the words to speak.</summary>
    public float MinTranscriptConfidence { get; init; } = 0.1f;
}
