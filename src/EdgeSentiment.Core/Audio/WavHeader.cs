namespace EdgeSentiment.Core.Audio;

/// <summary>Where a WAV file's audio is: its format and how many data bytes follow the stream's position.</summary>
/// <param name="Format">The validated fmt chunk.</param>
/// <param name="DataLength">Bytes of the data chunk as declared, or null when the audio runs to the end of the stream.</param>
internal readonly record struct WavHeader(WavFormat Format, long? DataLength);
