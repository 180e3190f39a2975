namespace EdgeSentiment.Core.Segmentation;

/// <summary>Whether a window holds speech, with the evidence, for logs and displays.</summary>
/// <param name="LevelDbfs">RMS level of the whole window.</param>
/// <param name="NoiseFloorDbfs">The window's own noise floor (a low quantile of its frame levels).</param>
/// <param name="ActiveRatio">Fraction of frames clearly above that floor.</param>
/// <param name="SyllabicDepthDb">RMS of the frame-level envelope in the syllabic band (2–8 Hz).</param>
/// <param name="FailedCheck">The first check the window failed; <see cref="SpeechCheck.Passed"/> for speech.</param>
public readonly record struct SpeechDecision(
    float LevelDbfs,
    float NoiseFloorDbfs,
    float ActiveRatio,
    float SyllabicDepthDb,
    SpeechCheck FailedCheck)
{
    public bool IsSpeech => FailedCheck == SpeechCheck.Passed;
}
