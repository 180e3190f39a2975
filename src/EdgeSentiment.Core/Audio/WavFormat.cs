namespace EdgeSentiment.Core.Audio;

/// <summary>The validated sample layout described by a WAV file's fmt chunk.</summary>
/// <param name="Encoding">Integer PCM or IEEE float (after resolving WAVE_FORMAT_EXTENSIBLE).</param>
/// <param name="Channels">Interleaved channels per frame, 1 to 64.</param>
/// <param name="SampleRate">Frames per second.</param>
/// <param name="ContainerBits">Bits each sample occupies in the file (8, 16, 24, 32 or 64).</param>
/// <param name="ValidBits">Bits that carry signal; the rest of the container is padding below them.</param>
/// <param name="BlockAlign">Bytes per frame: <paramref name="Channels"/> times the container size.</param>
/// <param name="IsExtensible">True when the file used WAVE_FORMAT_EXTENSIBLE (0xFFFE).</param>
public sealed record WavFormat(
    WavSampleEncoding Encoding,
    int Channels,
    int SampleRate,
    int ContainerBits,
    int ValidBits,
    int BlockAlign,
    bool IsExtensible)
{
    /// <summary>Bytes one sample of one channel occupies.</summary>
    public int BytesPerSample => ContainerBits / 8;
}
