namespace EdgeSentiment.Core.Audio;

/// <summary>How the samples of a WAV data chunk are stored.</summary>
public enum WavSampleEncoding
{
    /// <summary>Integer PCM: 8-bit unsigned, or 16, 24, 32-bit signed little-endian.</summary>
    Pcm,

    /// <summary>IEEE 754 floating point, 32 or 64 bits.</summary>
    IeeeFloat,
}
