namespace EdgeSentiment.Device.Transcription;

/// <summary>
/// The recognised words of one utterance (lower case, separated by single spaces, empty when
/// nothing was recognised) and the engine's confidence in them, from 0 to 1.
/// </summary>
public sealed record Transcript(string Text, float Confidence)
{
    public static Transcript Empty { get; } = new(string.Empty, 0f);

    /// <summary>How many words the text holds.</summary>
    public int WordCount => Text.Length == 0 ? 0 : Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
