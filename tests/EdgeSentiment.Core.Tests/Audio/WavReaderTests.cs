using EdgeSentiment.Core.Audio;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Core.Tests.Audio;

public sealed class WavReaderTests
{
    private static readonly float[] Tone = Signals.Sine(440, 16000, 1603, amplitude: 0.8);

    [Theory]
    [InlineData(8, false, false, 0, 1.0 / 128)]
    [InlineData(16, false, false, 0, 1.0 / 32768)]
    [InlineData(24, false, false, 0, 1.0 / 8388608)]
    [InlineData(32, false, false, 0, 1e-7)]
    [InlineData(32, true, false, 0, 0)]
    [InlineData(64, true, false, 0, 1e-7)]
    [InlineData(16, false, true, 0, 1.0 / 32768)]
    [InlineData(24, false, true, 20, 1.0 / (1 << 19))]
    [InlineData(32, false, true, 24, 1.0 / 8388608)]
    [InlineData(32, true, true, 0, 0)]
    [InlineData(64, true, true, 0, 1e-7)]
    public void ReadMono_EachSampleFormat_DecodesToTheWrittenSignal(int bits, bool isFloat, bool extensible, int validBits, double tolerance)
    {
        var builder = new WavBuilder { Bits = bits, Float = isFloat, Extensible = extensible, ValidBits = validBits };

        var audio = WavReader.ReadMono(new MemoryStream(builder.Build(Tone)), "tone.wav");

        Assert.Equal(16000, audio.SampleRate);
        Assert.Equal(Tone.Length, audio.Samples.Length);
        AssertClose(Tone, audio.Samples, tolerance + 1e-7);
    }

    [Fact]
    public void ReadFormat_Extensible24In32_ReportsContainerAndValidBits()
    {
        using var dir = new TempFolder();
        string path = dir.Write("x.wav", new WavBuilder { Bits = 32, ValidBits = 24, Extensible = true, Channels = 2 }.Build(new float[8]));

        var format = WavReader.ReadFormat(path);

        Assert.Equal(new WavFormat(WavSampleEncoding.Pcm, 2, 16000, 32, 24, 8, IsExtensible: true), format);
    }

    [Fact]
    public void ReadMono_Plain12BitPcm_ReadsLeftJustifiedSamples()
    {
        // Old writers declare 12 bits in a 2-byte container; the data is ordinary 16-bit words.
        byte[] data = new WavBuilder { Bits = 16, ValidBits = 12 }.Encode(Tone);
        byte[] wav = new WavBuilder { Bits = 12, BlockAlign = 2 }.BuildRaw(data);

        var audio = WavReader.ReadMono(new MemoryStream(wav), "12bit.wav");

        AssertClose(Tone, audio.Samples, 1.0 / 2048);
    }

    [Fact]
    public void ReadMono_Stereo_AveragesTheChannels()
    {
        float[] right = Signals.Sine(1000, 16000, Tone.Length, amplitude: 0.1);
        float[] expected = new float[Tone.Length];
        for (int n = 0; n < expected.Length; n++)
        {
            expected[n] = (Tone[n] + right[n]) / 2;
        }

        var builder = new WavBuilder { Channels = 2, Bits = 32, Float = true };
        var audio = WavReader.ReadMono(new MemoryStream(builder.Build(Signals.Interleave(Tone, right))), "stereo.wav");

        AssertClose(expected, audio.Samples, 1e-7);
    }

    [Fact]
    public void ReadMono_SixChannels24Bit_AveragesAllChannels()
    {
        float[][] channels = new float[6][];
        for (int c = 0; c < channels.Length; c++)
        {
            channels[c] = Signals.Sine(200 * (c + 1), 16000, 3000, amplitude: 0.15);
        }

        float[] expected = new float[3000];
        for (int n = 0; n < expected.Length; n++)
        {
            for (int c = 0; c < channels.Length; c++)
            {
                expected[n] += channels[c][n] / channels.Length;
            }
        }

        var builder = new WavBuilder { Channels = 6, Bits = 24, Extensible = true };
        var audio = WavReader.ReadMono(new MemoryStream(builder.Build(Signals.Interleave(channels))), "surround.wav");

        AssertClose(expected, audio.Samples, 1e-6);
    }

    [Fact]
    public void ReadMono_LongStereoFile_DecodesAcrossReadBlocks()
    {
        // 100 000 stereo 24-bit frames span many internal read blocks.
        float[] left = Signals.Noise(100_000, seed: 1);
        float[] right = Signals.Noise(100_000, seed: 2);
        var builder = new WavBuilder { Channels = 2, Bits = 24, SampleRate = 48000 };

        var audio = WavReader.ReadMono(new MemoryStream(builder.Build(Signals.Interleave(left, right))), "long.wav");

        Assert.Equal(100_000, audio.Samples.Length);
        Assert.Equal(48000, audio.SampleRate);
        for (int n = 0; n < left.Length; n++)
        {
            Assert.Equal((left[n] + right[n]) / 2, audio.Samples[n], 1e-6);
        }
    }

    [Fact]
    public void ReadMono_UnknownChunksAndOddSizes_AreSkipped()
    {
        var builder = new WavBuilder();
        builder.ChunksBeforeFmt.Add(("JUNK", new byte[27]));
        builder.ChunksBeforeFmt.Add(("bext", new byte[602]));
        builder.ChunksBeforeData.Add(("LIST", "INFOISFT\u0005\0\0\0sox!\0"u8.ToArray()));
        builder.ChunksBeforeData.Add(("fact", new byte[4]));
        builder.ChunksAfterData.Add(("LIST", new byte[33]));

        var audio = WavReader.ReadMono(new MemoryStream(builder.Build(Tone)), "chunky.wav");

        AssertClose(Tone, audio.Samples, 1.0 / 32768);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(0xFFFF_FFFFu)]
    public void ReadMono_StreamingDataSize_ReadsToTheEndOfTheFile(uint declared)
    {
        var builder = new WavBuilder { DataSize = declared, Channels = 2 };

        var audio = WavReader.ReadMono(new MemoryStream(builder.Build(Signals.Interleave(Tone, Tone))), "live.wav");

        AssertClose(Tone, audio.Samples, 1.0 / 32768);
    }

    [Fact]
    public void ReadMono_PartialTrailingFrame_IsDropped()
    {
        byte[] data = new WavBuilder { Channels = 2 }.Encode(Signals.Interleave(Tone, Tone));
        byte[] withPartialFrame = [.. data, 0x12, 0x34, 0x56];

        var audio = WavReader.ReadMono(new MemoryStream(new WavBuilder { Channels = 2 }.BuildRaw(withPartialFrame)), "partial.wav");

        Assert.Equal(Tone.Length, audio.Samples.Length);
    }

    [Fact]
    public void ReadMono_NonSeekableStream_GivesTheSameSamples()
    {
        var builder = new WavBuilder { Bits = 24 };
        builder.ChunksBeforeFmt.Add(("LIST", new byte[1001]));
        byte[] wav = builder.Build(Tone);

        var fromSeekable = WavReader.ReadMono(new MemoryStream(wav), "a.wav");
        var fromPipe = WavReader.ReadMono(new NonSeekableStream(wav), "a.wav");

        Assert.Equal(fromSeekable.Samples, fromPipe.Samples);
    }

    [Fact]
    public void ReadMono_FromPath_ReadsTheFile()
    {
        using var dir = new TempFolder();
        string path = dir.Write("tone.wav", new WavBuilder { SampleRate = 22050 }.Build(Tone));

        var audio = WavReader.ReadMono(path);

        Assert.Equal(22050, audio.SampleRate);
        AssertClose(Tone, audio.Samples, 1.0 / 32768);
    }

    internal static void AssertClose(float[] expected, float[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int n = 0; n < expected.Length; n++)
        {
            if (Math.Abs(expected[n] - actual[n]) > tolerance)
            {
                Assert.Fail($"Sample {n}: expected {expected[n]} but got {actual[n]} (tolerance {tolerance}).");
            }
        }
    }
}
