using System.Buffers.Binary;

namespace EdgeSentiment.Core.Audio;

/// <summary>Turns the bytes of a fmt chunk into a validated <see cref="WavFormat"/>.</summary>
internal static class WavFormatParser
{
    public const int MaxChannels = 64;
    public const int MaxSampleRate = 768_000;

    /// <summary>How many fmt bytes we look at; an extensible fmt chunk is 40 bytes, longer ones carry nothing we use.</summary>
    public const int MaxUsefulLength = 40;

    private const int TagPcm = 0x0001;
    private const int TagIeeeFloat = 0x0003;
    private const int TagExtensible = 0xFFFE;

    private const string ConvertHint =
        "convert to PCM, e.g. with sox (sox in.wav -e signed-integer -b 16 out.wav) or ffmpeg (ffmpeg -i in.wav -c:a pcm_s16le out.wav)";

    // KSDATAFORMAT_SUBTYPE_* GUIDs share these bytes after the 2-byte format code and 2 zero bytes.
    private static ReadOnlySpan<byte> SubFormatTail =>
        [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    /// <param name="fmt">The first bytes of the fmt chunk (at most <see cref="MaxUsefulLength"/>).</param>
    /// <param name="declaredLength">The chunk size the header declared.</param>
    /// <param name="source">The file name for error messages.</param>
    public static WavFormat Parse(ReadOnlySpan<byte> fmt, long declaredLength, string source)
    {
        if (fmt.Length < 16)
        {
            throw AudioFormatException.For(source, $"fmt chunk is {declaredLength} bytes, shorter than the 16 a WAV format needs; the header is damaged, re-export the file");
        }

        int tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        long sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        int validBits = bits;
        bool extensible = tag == TagExtensible;

        if (extensible)
        {
            if (fmt.Length < MaxUsefulLength)
            {
                throw AudioFormatException.For(source, $"WAVE_FORMAT_EXTENSIBLE fmt chunk is {declaredLength} bytes, shorter than the 40 it needs; the header is damaged, re-export the file");
            }

            validBits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[18..]);
            ReadOnlySpan<byte> subFormat = fmt.Slice(24, 16);
            if (!subFormat[2..].SequenceEqual(SubFormatTail))
            {
                throw AudioFormatException.For(source, $"unsupported WAVE_FORMAT_EXTENSIBLE sub-format {new Guid(subFormat)}; {ConvertHint}");
            }

            tag = BinaryPrimitives.ReadUInt16LittleEndian(subFormat);
            if (validBits == 0)
            {
                // Some writers leave wValidBitsPerSample at 0 meaning "all of the container".
                validBits = bits;
            }
        }

        if (tag != TagPcm && tag != TagIeeeFloat)
        {
            throw AudioFormatException.For(source, $"unsupported audio format 0x{tag:X4} ({FormatName(tag)}); {ConvertHint}");
        }

        if (channels == 0)
        {
            throw AudioFormatException.For(source, "the header declares 0 channels; the file is damaged, re-export it");
        }

        if (channels > MaxChannels)
        {
            throw AudioFormatException.For(source, $"the header declares {channels} channels, more than the {MaxChannels} supported; the header is damaged or this is not a recording, mix it down first (e.g. sox in.wav -c 1 out.wav)");
        }

        if (sampleRate == 0 || sampleRate > MaxSampleRate)
        {
            throw AudioFormatException.For(source, $"the header declares a sample rate of {sampleRate} Hz, outside 1..{MaxSampleRate} Hz; the header is damaged, re-export the file");
        }

        var encoding = tag == TagPcm ? WavSampleEncoding.Pcm : WavSampleEncoding.IeeeFloat;
        int containerBits = ContainerBits(encoding, bits, extensible, source);
        if (validBits > containerBits)
        {
            throw AudioFormatException.For(source, $"the header declares {validBits} valid bits in a {containerBits}-bit sample; the header is damaged, re-export the file");
        }

        int expectedAlign = channels * (containerBits / 8);
        if (blockAlign != expectedAlign)
        {
            throw AudioFormatException.For(source, $"{bits} bits per sample and {channels} channels need a block align of {expectedAlign} bytes but the header says {blockAlign}; the header is damaged, re-export the file");
        }

        return new WavFormat(encoding, channels, (int)sampleRate, containerBits, validBits, blockAlign, extensible);
    }

    private static int ContainerBits(WavSampleEncoding encoding, int bits, bool extensible, string source)
    {
        if (encoding == WavSampleEncoding.IeeeFloat)
        {
            return bits is 32 or 64
                ? bits
                : throw AudioFormatException.For(source, $"IEEE float samples of {bits} bits are not supported, only 32 and 64; {ConvertHint}");
        }

        if (extensible)
        {
            // With WAVE_FORMAT_EXTENSIBLE, wBitsPerSample is the container and must be whole bytes.
            return bits is 8 or 16 or 24 or 32
                ? bits
                : throw AudioFormatException.For(source, $"PCM containers of {bits} bits are not supported, only 8, 16, 24 and 32; {ConvertHint}");
        }

        // Plain PCM may declare e.g. 12 or 20 bits: the samples are left-justified in whole bytes.
        return bits is >= 1 and <= 32
            ? (bits + 7) / 8 * 8
            : throw AudioFormatException.For(source, $"PCM samples of {bits} bits are not supported, only 8 to 32; {ConvertHint}");
    }

    private static string FormatName(int tag) => tag switch
    {
        0x0000 => "unknown",
        0x0002 => "Microsoft ADPCM",
        0x0006 => "A-law",
        0x0007 => "mu-law",
        0x0011 => "IMA ADPCM",
        0x0031 => "GSM 6.10",
        0x0050 => "MPEG",
        0x0055 => "MPEG Layer 3",
        0x00FF or 0x1610 => "AAC",
        0x0161 or 0x0162 or 0x0163 => "Windows Media Audio",
        0xF1AC => "FLAC",
        _ => "not PCM or float",
    };
}
