namespace EdgeSentiment.Core.Audio;

/// <summary>Reads a recording into the form the pipeline wants: mono, 16 kHz (or the rate asked for).</summary>
public static class AudioLoader
{
    /// <summary>Reads <paramref name="path"/>, mixes it to mono and resamples it to <paramref name="sampleRate"/>.</summary>
    /// <exception cref="AudioFormatException">The file is missing, unreadable or not a WAV file we support.</exception>
    public static PcmAudio LoadMono(string path, int sampleRate = 16000)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sampleRate, StreamingResampler.MaxSampleRate);

        var audio = WavReader.ReadMono(path);
        if (audio.SampleRate == sampleRate)
        {
            return audio;
        }

        try
        {
            return new PcmAudio(StreamingResampler.Resample(audio.Samples, audio.SampleRate, sampleRate), sampleRate);
        }
        catch (ArgumentException ex)
        {
            throw AudioFormatException.For(path, $"its sample rate of {audio.SampleRate} Hz cannot be converted to {sampleRate} Hz: {ex.Message}");
        }
    }
}
