using System.Buffers.Binary;
using System.Text;

namespace EdgeSentiment.Core.Tests.Audio;

/// <summary>Writes WAV bytes of any layout the reader must handle, including deliberately broken ones.</summary>
internal sealed class WavBuilder
{
    public int Channels { get; init; } = 1;

    public int SampleRate { get; init; } = 16000;

    /// <summary>Container bits per sample (wBitsPerSample).</summary>
    public int Bits { get; init; } = 16;

    /// <summary>Signal bits inside the container; 0 means the whole container.</summary>
    public int ValidBits { get; init; }

    public bool Float { get; init; }

    public bool Extensible { get; init; }

    /// <summary>Replaces the format code (or, with <see cref="Extensible"/>, the sub-format code).</summary>
    public int? FormatTag { get; init; }

    public int? BlockAlign { get; init; }

    /// <summary>Replaces the size written in the data chunk header.</summary>
    public uint? DataSize { get; init; }

    public bool DataBeforeFmt { get; init; }

    public bool OmitFmt { get; init; }

    public bool OmitData { get; init; }

    public List<(string Id, byte[] Body)> ChunksBeforeFmt { get; } = [];

    public List<(string Id, byte[] Body)> ChunksBeforeData { get; } = [];

    public List<(string Id, byte[] Body)> ChunksAfterData { get; } = [];

    public byte[] Build(float[] interleaved) => BuildRaw(Encode(interleaved));

    public byte[] BuildRaw(byte[] data)
    {
        using var body = new MemoryStream();
        body.Write("WAVE"u8);
        foreach (var (id, chunk) in ChunksBeforeFmt)
        {
            WriteChunk(body, id, chunk);
        }

        if (DataBeforeFmt)
        {
            WriteChunk(body, "data", data, DataSize);
        }

        if (!OmitFmt)
        {
            WriteChunk(body, "fmt ", FmtBody());
        }

        foreach (var (id, chunk) in ChunksBeforeData)
        {
            WriteChunk(body, id, chunk);
        }

        if (!OmitData && !DataBeforeFmt)
        {
            WriteChunk(body, "data", data, DataSize);
        }

        foreach (var (id, chunk) in ChunksAfterData)
        {
            WriteChunk(body, id, chunk);
        }

        using var file = new MemoryStream();
        file.Write("RIFF"u8);
        WriteUInt32(file, (uint)body.Length);
        body.WriteTo(file);
        return file.ToArray();
    }

    public byte[] Encode(float[] interleaved)
    {
        int bytes = Bits / 8;
        byte[] data = new byte[interleaved.Length * bytes];
        int valid = ValidBits == 0 ? Bits : ValidBits;
        for (int i = 0; i < interleaved.Length; i++)
        {
            Span<byte> target = data.AsSpan(i * bytes, bytes);
            // Float files keep what they are given (even NaN or infinity); integers saturate.
            double x = Float ? interleaved[i] : Math.Clamp(interleaved[i], -1.0, 1.0);
            if (Float && Bits == 32)
            {
                BinaryPrimitives.WriteSingleLittleEndian(target, (float)x);
            }
            else if (Float)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(target, x);
            }
            else if (Bits == 8)
            {
                target[0] = (byte)Math.Clamp(Math.Round(x * 128) + 128, 0, 255);
            }
            else
            {
                // Quantise to the valid bits, then left-justify in the container.
                long full = 1L << (valid - 1);
                long q = Math.Clamp((long)Math.Round(x * full), -full, full - 1) << (Bits - valid);
                for (int b = 0; b < bytes; b++)
                {
                    target[b] = (byte)(q >> (8 * b));
                }
            }
        }

        return data;
    }

    private byte[] FmtBody()
    {
        byte[] fmt = new byte[Extensible ? 40 : 16];
        int code = FormatTag ?? (Float ? 3 : 1);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, (ushort)(Extensible ? 0xFFFE : code));
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(2), (ushort)Channels);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(4), (uint)SampleRate);
        int blockAlign = BlockAlign ?? (Channels * Bits / 8);
        BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(8), (uint)(SampleRate * blockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(12), (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(14), (ushort)Bits);
        if (Extensible)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(16), 22);
            BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(18), (ushort)(ValidBits == 0 ? Bits : ValidBits));
            BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(20), 0x3);
            byte[] guid = [0, 0, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
            BinaryPrimitives.WriteUInt16LittleEndian(guid, (ushort)code);
            guid.CopyTo(fmt.AsSpan(24));
        }

        return fmt;
    }

    private static void WriteChunk(Stream stream, string id, byte[] body, uint? declaredSize = null)
    {
        stream.Write(Encoding.ASCII.GetBytes(id));
        WriteUInt32(stream, declaredSize ?? (uint)body.Length);
        stream.Write(body);
        if (body.Length % 2 == 1)
        {
            stream.WriteByte(0);
        }
    }

    private static void WriteUInt32(Stream stream, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        stream.Write(bytes);
    }
}
