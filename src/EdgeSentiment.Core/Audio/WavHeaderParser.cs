using System.Buffers.Binary;
using System.Text;

namespace EdgeSentiment.Core.Audio;

/// <summary>Walks the RIFF chunks of a WAV stream up to the start of its data chunk.</summary>
internal static class WavHeaderParser
{
    // Streaming writers that cannot seek back leave the data size at 0 or all ones: "until end of file".
    private const uint StreamingSizeZero = 0;
    private const uint StreamingSizeUnknown = 0xFFFF_FFFF;

    /// <summary>Reads up to the first data byte; the stream is left positioned there.</summary>
    public static WavHeader Parse(Stream stream, string source)
    {
        Span<byte> head = stackalloc byte[12];
        int read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (read == 0)
        {
            throw AudioFormatException.For(source, "the file is empty (0 bytes); record or export it again");
        }

        if (read < head.Length)
        {
            throw AudioFormatException.For(source, $"the file is {read} bytes, too short to be a WAV file; record or export it again");
        }

        CheckRiffWave(head, source);

        WavFormat? format = null;
        Span<byte> chunkHeader = stackalloc byte[8];
        Span<byte> fmt = stackalloc byte[WavFormatParser.MaxUsefulLength];
        while (stream.ReadAtLeast(chunkHeader, chunkHeader.Length, throwOnEndOfStream: false) == chunkHeader.Length)
        {
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(chunkHeader[4..]);
            ReadOnlySpan<byte> id = chunkHeader[..4];
            if (id.SequenceEqual("fmt "u8) && format is null)
            {
                int useful = (int)Math.Min(size, (uint)fmt.Length);
                if (stream.ReadAtLeast(fmt[..useful], useful, throwOnEndOfStream: false) < useful)
                {
                    throw AudioFormatException.For(source, "the fmt chunk is cut short; the file is truncated, re-copy or re-export it");
                }

                format = WavFormatParser.Parse(fmt[..useful], size, source);
                SkipChunkRest(stream, size - useful + (size & 1));
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (format is null)
                {
                    throw AudioFormatException.For(source, "no fmt chunk before the data chunk, so the audio format is unknown; the header is damaged or non-standard, re-export the file");
                }

                long? length = size is StreamingSizeZero or StreamingSizeUnknown ? null : size;
                return new WavHeader(format, length);
            }
            else if (!SkipChunkRest(stream, size + (long)(size & 1)))
            {
                // A damaged trailing chunk: whatever we found before it decides the error below.
                break;
            }
        }

        throw format is null
            ? AudioFormatException.For(source, "no fmt chunk found, so the audio format is unknown; the file is not a complete WAV file, re-export it")
            : AudioFormatException.For(source, "no data chunk found: the file has a WAV header but no audio; re-export it");
    }

    private static void CheckRiffWave(ReadOnlySpan<byte> head, string source)
    {
        ReadOnlySpan<byte> magic = head[..4];
        if (magic.SequenceEqual("RIFX"u8))
        {
            throw AudioFormatException.For(source, "big-endian (RIFX) WAV files are not supported; convert it, e.g. sox in.wav -e signed-integer -b 16 out.wav");
        }

        // RF64 keeps the RIFF layout and marks oversized sizes as 0xFFFFFFFF, which we read to the end.
        if (!magic.SequenceEqual("RIFF"u8) && !magic.SequenceEqual("RF64"u8))
        {
            throw AudioFormatException.For(source, $"not a WAV file: it starts with \"{Printable(magic)}\" instead of \"RIFF\"; convert it to WAV, e.g. with sox or ffmpeg");
        }

        if (!head[8..12].SequenceEqual("WAVE"u8))
        {
            throw AudioFormatException.For(source, $"not a WAV file: a RIFF file of type \"{Printable(head[8..12])}\" instead of \"WAVE\"; convert it to WAV, e.g. with sox or ffmpeg");
        }
    }

    /// <summary>Skips <paramref name="count"/> bytes; false when the stream ends first.</summary>
    private static bool SkipChunkRest(Stream stream, long count)
    {
        if (count == 0)
        {
            return true;
        }

        if (stream.CanSeek)
        {
            long remaining = stream.Length - stream.Position;
            if (count > remaining)
            {
                stream.Seek(0, SeekOrigin.End);
                return false;
            }

            stream.Seek(count, SeekOrigin.Current);
            return true;
        }

        Span<byte> scratch = stackalloc byte[512];
        while (count > 0)
        {
            int n = stream.Read(scratch[..(int)Math.Min(count, scratch.Length)]);
            if (n == 0)
            {
                return false;
            }

            count -= n;
        }

        return true;
    }

    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        foreach (byte b in bytes)
        {
            text.Append(b is >= 0x20 and < 0x7F and not (byte)'"' ? (char)b : '.');
        }

        return text.ToString();
    }
}
