namespace EdgeSentiment.Core.Audio;

/// <summary>Reads whole RIFF/WAVE recordings (PCM 8/16/24/32-bit, float 32/64, extensible) mixed to mono.</summary>
/// <remarks>For recordings of any length, read a block at a time with <see cref="WavMonoReader"/> instead.</remarks>
public static class WavReader
{
    // A non-seekable stream cannot prove its claimed size up front, so the buffer grows with what arrives.
    private const int InitialUnknownFrames = 1 << 16;

    /// <summary>Reads the file at <paramref name="path"/> as mono at its own sample rate.</summary>
    /// <exception cref="AudioFormatException">The file is missing, unreadable, damaged or not a supported WAV.</exception>
    public static PcmAudio ReadMono(string path)
    {
        using var audio = WavMonoReader.Open(path);
        return ReadAll(audio, path);
    }

    /// <summary>Reads a WAV stream as mono at its own sample rate.</summary>
    /// <param name="stream">Positioned at the start of the RIFF header; seekable or not.</param>
    /// <param name="sourceName">What to call the stream in error messages, usually its file name.</param>
    /// <exception cref="AudioFormatException">The stream is damaged or not a supported WAV.</exception>
    public static PcmAudio ReadMono(Stream stream, string sourceName)
    {
        using var audio = WavMonoReader.Over(stream, sourceName);
        return ReadAll(audio, sourceName);
    }

    /// <summary>Reads only the header of the file at <paramref name="path"/>.</summary>
    /// <exception cref="AudioFormatException">The file is missing, unreadable, damaged or not a supported WAV.</exception>
    public static WavFormat ReadFormat(string path)
    {
        using var audio = WavMonoReader.Open(path);
        return audio.Format;
    }

    private static PcmAudio ReadAll(WavMonoReader audio, string source)
    {
        if (audio.FrameCount > Array.MaxLength)
        {
            throw AudioFormatException.For(source, $"the recording has {audio.FrameCount} frames, too long to load at once; split it into shorter files, e.g. sox in.wav out.wav trim 0 3600 : newfile : restart");
        }

        float[] mono = new float[audio.FrameCount ?? InitialUnknownFrames];
        Span<float> probe = stackalloc float[1];
        int frames = 0;
        while (true)
        {
            if (frames == mono.Length)
            {
                // A full buffer (the usual end of a file of known length) grows only if more audio follows.
                if (audio.Read(probe) == 0)
                {
                    break;
                }

                mono = Grow(mono, source);
                mono[frames++] = probe[0];
                continue;
            }

            int read = audio.Read(mono.AsSpan(frames));
            if (read == 0)
            {
                break;
            }

            frames += read;
        }

        if (frames != mono.Length)
        {
            Array.Resize(ref mono, frames);
        }

        return new PcmAudio(mono, audio.Format.SampleRate);
    }

    private static float[] Grow(float[] buffer, string source)
    {
        if (buffer.Length >= Array.MaxLength)
        {
            throw AudioFormatException.For(source, $"the recording has more than {Array.MaxLength} frames, too long to load at once; split it into shorter files");
        }

        long grown = Math.Clamp(buffer.Length * 2L, InitialUnknownFrames, Array.MaxLength);
        Array.Resize(ref buffer, (int)grown);
        return buffer;
    }
}
