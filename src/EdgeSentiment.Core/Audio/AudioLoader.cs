namespace EdgeSentiment.Core.Audio;

/// <summary>Reads a whole recording into the form the pipeline wants: mono, 16 kHz (or the rate asked for).</summary>
/// <remarks>For recordings of any length, read a block at a time with <see cref="RecordingReader"/> instead.</remarks>
public static class AudioLoader
{
    /// <summary>Reads <paramref name="path"/>, mixes it to mono and resamples it to <paramref name="sampleRate"/>.</summary>
    /// <exception cref="AudioFormatException">The file is missing, unreadable or not a WAV file we support.</exception>
    public static PcmAudio LoadMono(string path, int sampleRate = 16000)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = RecordingReader.Open(path, sampleRate);
        long expected = reader.ExpectedSamples ?? 0;
        if (expected > Array.MaxLength)
        {
            throw AudioFormatException.For(path, $"at {sampleRate} Hz it would have {expected} samples, too long to load at once; split it into shorter files");
        }

        float[] samples = new float[expected];
        int count = 0;
        for (var block = reader.ReadBlock(); !block.IsEmpty; block = reader.ReadBlock())
        {
            block.CopyTo(samples.AsSpan(count));
            count += block.Length;
        }

        return new PcmAudio(samples, sampleRate);
    }
}
