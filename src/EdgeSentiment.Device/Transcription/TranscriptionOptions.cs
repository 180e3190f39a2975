using EdgeSentiment.Core.Text;
using EdgeSentiment.Device.Configuration;

namespace EdgeSentiment.Device.Transcription;

/// <summary>
/// The <c>Transcription</c> section: whether the live agent turns the audience's speech into words.
/// Off by default (privacy and CPU); when on, transcripts are kept only sealed in the result store.
/// </summary>
public sealed class TranscriptionOptions
{
    public const string SectionName = "Transcription";

    /// <summary>Off by default: nothing is transcribed unless the operator turns it on.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// A movie-review language model (ARPA or binary) interpolated with Debian's general one; by
    /// default the shipped one, alone (<see cref="ReviewWeight"/> 1), as <c>transcribe</c> decodes
    /// (docs/asr-card.md); empty for Debian's general model alone.
    /// </summary>
    public string ReviewLanguageModel { get; set; } = "models/review-lm.arpa";

    /// <summary>The review model's share of the interpolation, in (0, 1]; 1 (the default) decodes with it alone.</summary>
    public double ReviewWeight { get; set; } = 1;

    /// <summary>The text sentiment model; empty for the shipped one in <c>models/</c>.</summary>
    public string TextModel { get; set; } = "";

    /// <summary>
    /// The most utterance audio, in seconds, that may wait for the recogniser; an utterance that would
    /// go beyond it is dropped (and counted) rather than held.
    /// </summary>
    public double MaxQueuedSeconds { get; set; } = 60;

    /// <summary>The review language model's path, or null for none.</summary>
    public string? ReviewLanguageModelPath() =>
        string.IsNullOrWhiteSpace(ReviewLanguageModel) ? null : DeviceConfiguration.ResolveFile(ReviewLanguageModel);

    /// <summary>The text model's path: the shipped one unless <see cref="TextModel"/> names another.</summary>
    public string TextModelPath() =>
        string.IsNullOrWhiteSpace(TextModel) ? TextModelFiles.DefaultPath : DeviceConfiguration.ResolveFile(TextModel);
}
