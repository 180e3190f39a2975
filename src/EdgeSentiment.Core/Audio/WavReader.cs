using System.Globalization;

namespace EdgeSentiment.Core.Audio;

/// <summary>Reads RIFF/WAVE recordings (PCM 8/16/24/32-bit, float 32/64, extensible) and mixes them to mono.</summary>
public static class WavReader
{
    // Whole frames per block are carved out of this; 64 KiB keeps reads large and the buffer out of the LOH.
    private const int BlockBytes = 64 * 1024;

    // A non-seekable stream cannot prove its claimed size up front, so the buffer grows with what arrives.
    private const int InitialUnknownFrames = 1 << 16;

    /// <summary>Reads the file at <paramref name="path"/> as mono at its own sample rate.</summary>
    /// <exception cref="AudioFormatException">The file is missing, unreadable, damaged or not a supported WAV.</exception>
    public static PcmAudio ReadMono(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = Open(path);
        return ReadMono(stream, path);
    }

    /// <summary>Reads a WAV stream as mono at its own sample rate.</summary>
    /// <param name="stream">Positioned at the start of the RIFF header; seekable or not.</param>
    /// <param name="sourceName">What to call the stream in error messages, usually its file name.</param>
    /// <exception cref="AudioFormatException">The stream is damaged or not a supported WAV.</exception>
    public static PcmAudio ReadMono(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        try
        {
            var header = WavHeaderParser.Parse(stream, sourceName);
            float[] samples = ReadData(stream, header, sourceName);
            return new PcmAudio(samples, header.Format.SampleRate);
        }
        catch (IOException ex)
        {
            throw AudioFormatException.For(sourceName, $"cannot be read: {ex.Message}");
        }
    }

    /// <summary>Reads only the header of the file at <paramref name="path"/>.</summary>
    /// <exception cref="AudioFormatException">The file is missing, unreadable, damaged or not a supported WAV.</exception>
    public static WavFormat ReadFormat(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = Open(path);
        try
        {
            return WavHeaderParser.Parse(stream, path).Format;
        }
        catch (IOException ex)
        {
            throw AudioFormatException.For(path, $"cannot be read: {ex.Message}");
        }
    }

    private static FileStream Open(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw AudioFormatException.For(path, "file not found; check the path");
        }
        catch (UnauthorizedAccessException)
        {
            throw AudioFormatException.For(path, "permission denied (or it is a directory); check the path and the file's permissions");
        }
        catch (IOException ex)
        {
            throw AudioFormatException.For(path, $"cannot be opened: {ex.Message}");
        }
        catch (ArgumentException ex)
        {
            throw AudioFormatException.For(path, $"not a usable path: {ex.Message}");
        }
    }

    private static float[] ReadData(Stream stream, WavHeader header, string source)
    {
        var format = header.Format;
        long declared = header.DataLength ?? long.MaxValue;
        long frameCapacity;
        if (stream.CanSeek)
        {
            // Check the claim against what is really there before allocating anything from it.
            long present = Math.Max(0, stream.Length - stream.Position);
            if (header.DataLength is { } claimed && claimed > present)
            {
                throw TruncatedError(source, claimed, present);
            }

            declared = Math.Min(declared, present);
            frameCapacity = declared / format.BlockAlign;
            if (frameCapacity > Array.MaxLength)
            {
                throw AudioFormatException.For(source, $"the recording has {frameCapacity} frames, too long to load at once; split it into shorter files, e.g. sox in.wav out.wav trim 0 3600 : newfile : restart");
            }
        }
        else
        {
            frameCapacity = Math.Min(declared / format.BlockAlign, InitialUnknownFrames);
        }

        int blockFrames = BlockBytes / format.BlockAlign;
        byte[] raw = new byte[blockFrames * format.BlockAlign];
        float[] interleaved = format.Channels == 1 ? [] : new float[blockFrames * format.Channels];
        float[] mono = new float[Math.Max(frameCapacity, 0)];
        int frames = 0;
        long remaining = declared;
        while (remaining > 0)
        {
            int want = (int)Math.Min(raw.Length, remaining);
            int got = stream.ReadAtLeast(raw.AsSpan(0, want), want, throwOnEndOfStream: false);
            remaining -= got;
            int blockFramesRead = got / format.BlockAlign;
            if (blockFramesRead > 0)
            {
                mono = EnsureCapacity(mono, (long)frames + blockFramesRead, source);
                var decoded = mono.AsSpan(frames, blockFramesRead);
                DecodeBlock(format, raw.AsSpan(0, blockFramesRead * format.BlockAlign), interleaved, decoded);
                if (format.Encoding == WavSampleEncoding.IeeeFloat)
                {
                    // One NaN or infinity would turn every feature of its window, and the verdict, into NaN.
                    RefuseNonFinite(decoded, frames, format.SampleRate, source);
                }

                frames += blockFramesRead;
            }

            if (got < want)
            {
                if (header.DataLength is { } claimed)
                {
                    throw TruncatedError(source, claimed, claimed - remaining);
                }

                // "To the end of the stream": a partial trailing frame is dropped.
                break;
            }
        }

        if (frames == 0)
        {
            throw AudioFormatException.For(source, "no audio: the data chunk holds no complete sample frame; record or export it again");
        }

        if (frames != mono.Length)
        {
            Array.Resize(ref mono, frames);
        }

        return mono;
    }

    private static void DecodeBlock(WavFormat format, Span<byte> raw, Span<float> interleaved, Span<float> mono)
    {
        if (format.Channels == 1)
        {
            WavSampleDecoder.Decode(format, raw, mono);
            return;
        }

        Span<float> samples = interleaved[..(mono.Length * format.Channels)];
        WavSampleDecoder.Decode(format, raw, samples);
        WavSampleDecoder.MixToMono(samples, format.Channels, mono);
    }

    private static void RefuseNonFinite(ReadOnlySpan<float> block, int firstFrame, int sampleRate, string source)
    {
        for (int i = 0; i < block.Length; i++)
        {
            if (!float.IsFinite(block[i]))
            {
                long frame = (long)firstFrame + i;
                throw AudioFormatException.For(source, string.Create(CultureInfo.InvariantCulture,
                    $"sample frame {frame} ({(double)frame / sampleRate:0.000} s) is not a number (NaN or infinity); the file is damaged or was written by a faulty tool, export it again"));
            }
        }
    }

    private static float[] EnsureCapacity(float[] buffer, long needed, string source)
    {
        if (needed <= buffer.Length)
        {
            return buffer;
        }

        if (needed > Array.MaxLength)
        {
            throw AudioFormatException.For(source, $"the recording has more than {Array.MaxLength} frames, too long to load at once; split it into shorter files");
        }

        long grown = Math.Clamp(Math.Max(needed, buffer.Length * 2L), InitialUnknownFrames, Array.MaxLength);
        Array.Resize(ref buffer, (int)grown);
        return buffer;
    }

    private static AudioFormatException TruncatedError(string source, long claimed, long present) =>
        AudioFormatException.For(source, $"the data chunk header claims {claimed} bytes but only {present} are present; the file is truncated or its header is wrong, re-copy or re-export it (sox in.wav out.wav rewrites the header)");
}
