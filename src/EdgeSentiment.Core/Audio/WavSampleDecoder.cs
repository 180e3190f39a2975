using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;

namespace EdgeSentiment.Core.Audio;

/// <summary>Converts blocks of raw WAV sample bytes to floats and mixes frames down to mono.</summary>
internal static class WavSampleDecoder
{
    /// <summary>Decodes <paramref name="destination"/>.Length interleaved samples from <paramref name="source"/>.</summary>
    /// <remarks>The format is resolved once per block so the inner loops are plain, non-virtual and inlinable.
    /// <paramref name="source"/> may be byte-swapped in place on big-endian hosts.</remarks>
    public static void Decode(WavFormat format, Span<byte> source, Span<float> destination)
    {
        int count = destination.Length;
        switch (format.Encoding, format.BytesPerSample)
        {
            case (WavSampleEncoding.Pcm, 1):
                DecodeUnsigned8(source[..count], destination);
                break;
            case (WavSampleEncoding.Pcm, 2):
                DecodeInt16(MemoryMarshal.Cast<byte, short>(source[..(count * 2)]), destination);
                break;
            case (WavSampleEncoding.Pcm, 3):
                DecodeInt24(source[..(count * 3)], destination);
                break;
            case (WavSampleEncoding.Pcm, 4):
                DecodeInt32(MemoryMarshal.Cast<byte, int>(source[..(count * 4)]), destination);
                break;
            case (WavSampleEncoding.IeeeFloat, 4):
                DecodeFloat32(MemoryMarshal.Cast<byte, int>(source[..(count * 4)]), destination);
                break;
            case (WavSampleEncoding.IeeeFloat, 8):
                DecodeFloat64(MemoryMarshal.Cast<byte, long>(source[..(count * 8)]), destination);
                break;
            default:
                throw new InvalidOperationException($"No decoder for {format}; the format parser should have refused it.");
        }
    }

    /// <summary>Averages each frame of <paramref name="channels"/> interleaved samples into one mono sample.</summary>
    public static void MixToMono(ReadOnlySpan<float> interleaved, int channels, Span<float> mono)
    {
        if (channels == 1)
        {
            interleaved[..mono.Length].CopyTo(mono);
            return;
        }

        float scale = 1f / channels;
        if (channels == 2)
        {
            for (int i = 0; i < mono.Length; i++)
            {
                mono[i] = (interleaved[2 * i] + interleaved[(2 * i) + 1]) * scale;
            }

            return;
        }

        for (int i = 0; i < mono.Length; i++)
        {
            ReadOnlySpan<float> frame = interleaved.Slice(i * channels, channels);
            float sum = 0f;
            for (int c = 0; c < frame.Length; c++)
            {
                sum += frame[c];
            }

            mono[i] = sum * scale;
        }
    }

    private static void DecodeUnsigned8(ReadOnlySpan<byte> source, Span<float> destination)
    {
        const float Scale = 1f / 128f;
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = (source[i] - 128) * Scale;
        }
    }

    private static void DecodeInt16(Span<short> source, Span<float> destination)
    {
        const float Scale = 1f / 32768f;
        if (!BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(source, source);
        }

        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var scale = new Vector<float>(Scale);
            for (; i <= destination.Length - Vector<short>.Count; i += Vector<short>.Count)
            {
                Vector.Widen(new Vector<short>(source[i..]), out var low, out var high);
                (Vector.ConvertToSingle(low) * scale).CopyTo(destination[i..]);
                (Vector.ConvertToSingle(high) * scale).CopyTo(destination[(i + Vector<int>.Count)..]);
            }
        }

        for (; i < destination.Length; i++)
        {
            destination[i] = source[i] * Scale;
        }
    }

    private static void DecodeInt24(ReadOnlySpan<byte> source, Span<float> destination)
    {
        const float Scale = 1f / 8388608f;
        for (int i = 0; i < destination.Length; i++)
        {
            int j = i * 3;
            int value = source[j] | (source[j + 1] << 8) | ((sbyte)source[j + 2] << 16);
            destination[i] = value * Scale;
        }
    }

    private static void DecodeInt32(Span<int> source, Span<float> destination)
    {
        const float Scale = 1f / 2147483648f;
        if (!BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(source, source);
        }

        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = source[i] * Scale;
        }
    }

    private static void DecodeFloat32(Span<int> source, Span<float> destination)
    {
        if (!BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(source, source);
        }

        MemoryMarshal.Cast<int, float>(source).CopyTo(destination);
    }

    private static void DecodeFloat64(Span<long> source, Span<float> destination)
    {
        if (!BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(source, source);
        }

        ReadOnlySpan<double> samples = MemoryMarshal.Cast<long, double>(source);
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = (float)samples[i];
        }
    }
}
