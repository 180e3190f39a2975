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

        long converted = (long)Math.Ceiling((double)audio.Samples.Length * sampleRate / audio.SampleRate);
        if (converted > Array.MaxLength)
        {
            throw AudioFormatException.For(path, $"at {sampleRate} Hz it would have {converted} samples, too long to load at once; split it into shorter files");
        }

        try
        {
            return new PcmAudio(StreamingResampler.Resample(audio.Samples, audio.SampleRate, sampleRate), sampleRate);
        }
        catch (ArgumentException)
        {
            // Only odd rates whose ratio to the target needs an oversized filter table end up here.
            throw AudioFormatException.For(path, $"its sample rate of {audio.SampleRate} Hz has no practical conversion to {sampleRate} Hz; resample it to a standard rate first, e.g. sox in.wav -r 48000 out.wav");
        }
    }
}
