namespace EdgeSentiment.Core.Audio;

/// <summary>Reads a recording into the form the pipeline wants: mono, 16 kHz (or the rate asked for).</summary>
public static class AudioLoader
{
    /// <summary>Reads <paramref name="path"/>, mixes it to mono and resamples it to <paramref name="sampleRate"/>.</summary>
    /// <exception cref="AudioFormatException">The file is missing, unreadable or not a WAV file we support.</exception>
    public static PcmAudio LoadMono(string path, int sampleRate = 16000) =>
        throw new NotImplementedException();
}
