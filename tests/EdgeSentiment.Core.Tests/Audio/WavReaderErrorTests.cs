using EdgeSentiment.Core.Audio;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Core.Tests.Audio;

public sealed class WavReaderErrorTests : IDisposable
{
    private static readonly float[] Tone = Signals.Sine(440, 16000, 1600);
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void ReadMono_MissingFile_SaysNotFound()
    {
        string path = Path.Combine(_dir.Path, "nowhere.wav");

        AssertRefused(path, "file not found");
    }

    [Fact]
    public void ReadMono_Directory_IsRefusedWithItsPath()
    {
        var ex = Assert.Throws<AudioFormatException>(() => WavReader.ReadMono(_dir.Path));

        Assert.StartsWith(_dir.Path + ": ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadMono_ZeroLengthFile_SaysEmpty()
    {
        AssertRefused(_dir.Write("empty.wav", []), "empty (0 bytes)");
    }

    [Fact]
    public void ReadMono_TextFileRenamedWav_SaysNotAWavFile()
    {
        string path = _dir.Write("notes.wav", "Hello, these are meeting notes, not audio.\n"u8.ToArray());

        AssertRefused(path, "not a WAV file: it starts with \"Hell\" instead of \"RIFF\"");
    }

    [Fact]
    public void ReadMono_RiffOfAnotherType_SaysNotWave()
    {
        byte[] avi = new WavBuilder().Build(Tone);
        "AVI "u8.CopyTo(avi.AsSpan(8));

        AssertRefused(_dir.Write("movie.wav", avi), "type \"AVI \" instead of \"WAVE\"");
    }

    [Fact]
    public void ReadMono_TruncatedFile_SaysHowMuchIsMissing()
    {
        byte[] wav = new WavBuilder().Build(Tone);
        int dataStart = wav.Length - (Tone.Length * 2);

        string path = _dir.Write("cut.wav", wav[..(dataStart + 1000)]);

        AssertRefused(path, $"claims {Tone.Length * 2} bytes but only 1000 are present");
    }

    [Fact]
    public void ReadMono_FourGigabyteDataChunkInASmallFile_IsRefusedWithoutAllocatingIt()
    {
        // 0xFFFFFFFF means "to the end" by convention; one less is a genuine 4 GB claim.
        byte[] wav = new WavBuilder { DataSize = 0xFFFF_FFFE }.Build(new float[480]);
        Assert.True(wav.Length < 1024);

        AssertRefused(_dir.Write("huge.wav", wav), "claims 4294967294 bytes but only 960 are present");
    }

    [Fact]
    public void ReadMono_FourGigabyteClaimOnANonSeekableStream_IsRefusedWhenTheStreamEnds()
    {
        byte[] wav = new WavBuilder { DataSize = 0xFFFF_FFFE }.Build(new float[480]);

        var ex = Assert.Throws<AudioFormatException>(() => WavReader.ReadMono(new NonSeekableStream(wav), "pipe:0"));

        Assert.StartsWith("pipe:0: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("claims 4294967294 bytes but only 960 are present", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadMono_ZeroChannels_SaysZeroChannels()
    {
        AssertRefused(Write(new WavBuilder { Channels = 0, BlockAlign = 2 }), "declares 0 channels");
    }

    [Fact]
    public void ReadMono_AbsurdChannelCount_SaysTooManyChannels()
    {
        AssertRefused(Write(new WavBuilder { Channels = 300 }), "declares 300 channels, more than the 64 supported");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_000_000)]
    public void ReadMono_AbsurdSampleRate_SaysTheRate(int rate)
    {
        AssertRefused(Write(new WavBuilder { SampleRate = rate }), $"sample rate of {rate} Hz, outside 1..768000 Hz");
    }

    [Fact]
    public void ReadMono_BitsNotMatchingBlockAlign_SaysBothValues()
    {
        AssertRefused(Write(new WavBuilder { Channels = 2, BlockAlign = 6 }), "need a block align of 4 bytes but the header says 6");
    }

    [Fact]
    public void ReadMono_Adpcm_NamesTheFormatAndHowToConvert()
    {
        string path = Write(new WavBuilder { FormatTag = 0x0002 });

        var ex = AssertRefused(path, "unsupported audio format 0x0002 (Microsoft ADPCM)");
        Assert.Contains("convert to PCM", ex.Message, StringComparison.Ordinal);
        Assert.Contains("sox", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ffmpeg", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadMono_ExtensibleWithUnknownSubFormat_IsRefused()
    {
        byte[] wav = new WavBuilder { Extensible = true }.Build(Tone);
        int guidAt = wav.AsSpan().IndexOf("fmt "u8) + 8 + 24;
        wav[guidAt + 10] ^= 0xFF;

        AssertRefused(_dir.Write("odd.wav", wav), "unsupported WAVE_FORMAT_EXTENSIBLE sub-format");
    }

    [Fact]
    public void ReadMono_Float16_IsRefused()
    {
        AssertRefused(Write(new WavBuilder { Float = true, Bits = 16 }, raw: new byte[100]), "IEEE float samples of 16 bits are not supported");
    }

    [Theory]
    [InlineData(32, float.NaN)]
    [InlineData(32, float.PositiveInfinity)]
    [InlineData(64, float.NegativeInfinity)]
    public void ReadMono_NonFiniteFloatSample_SaysWhereItIs(int bits, float bad)
    {
        float[] samples = (float[])Tone.Clone();
        samples[1234] = bad;

        AssertRefused(Write(new WavBuilder { Float = true, Bits = bits }, samples), "sample frame 1234 (0.077 s) is not a number (NaN or infinity)");
    }

    [Fact]
    public void ReadMono_NonFiniteSampleInOneChannel_IsRefusedAfterTheMix()
    {
        float[] stereo = new float[Tone.Length * 2];
        for (int i = 0; i < Tone.Length; i++)
        {
            stereo[2 * i] = Tone[i];
            stereo[(2 * i) + 1] = i == 10 ? float.PositiveInfinity : Tone[i];
        }

        AssertRefused(Write(new WavBuilder { Float = true, Bits = 32, Channels = 2 }, stereo), "sample frame 10 (0.001 s)");
    }

    [Fact]
    public void ReadMono_NoFmtChunk_SaysSo()
    {
        AssertRefused(Write(new WavBuilder { OmitFmt = true }), "no fmt chunk before the data chunk");
    }

    [Fact]
    public void ReadMono_NoDataChunk_SaysSo()
    {
        AssertRefused(Write(new WavBuilder { OmitData = true }), "no data chunk found");
    }

    [Fact]
    public void ReadMono_HeaderOnly_SaysNoFmtChunk()
    {
        AssertRefused(_dir.Write("stub.wav", "RIFF\u0004\0\0\0WAVE"u8.ToArray()), "no fmt chunk found");
    }

    [Fact]
    public void ReadMono_ShortFile_SaysTooShort()
    {
        AssertRefused(_dir.Write("stub.wav", "RIFF"u8.ToArray()), "4 bytes, too short to be a WAV file");
    }

    [Fact]
    public void ReadMono_DataBeforeFmt_SaysTheFormatIsUnknown()
    {
        AssertRefused(Write(new WavBuilder { DataBeforeFmt = true }), "no fmt chunk before the data chunk");
    }

    [Fact]
    public void ReadMono_DataShorterThanOneFrame_SaysNoAudio()
    {
        AssertRefused(Write(new WavBuilder { Channels = 2 }, raw: [1, 2, 3]), "no audio");
    }

    [Fact]
    public void ReadMono_HugeChunkSizeBeforeData_SaysNoDataChunk()
    {
        byte[] wav = new WavBuilder().Build(Tone);
        int fmtAt = wav.AsSpan().IndexOf("fmt "u8);
        byte[] hostile = [.. wav[..fmtAt], .. "LIST"u8, 0xF0, 0xFF, 0xFF, 0xFF, .. wav[fmtAt..]];

        AssertRefused(_dir.Write("hostile.wav", hostile), "no fmt chunk found");
    }

    [Fact]
    public void ReadMono_BigEndianRifx_SaysItIsNotSupported()
    {
        byte[] wav = new WavBuilder().Build(Tone);
        "RIFX"u8.CopyTo(wav);

        AssertRefused(_dir.Write("mac.wav", wav), "big-endian (RIFX)");
    }

    [Fact]
    public void ReadFormat_AbsurdChannelCount_IsRefusedToo()
    {
        string path = Write(new WavBuilder { Channels = 65 });

        var ex = Assert.Throws<AudioFormatException>(() => WavReader.ReadFormat(path));

        Assert.Contains("65 channels", ex.Message, StringComparison.Ordinal);
    }

    private string Write(WavBuilder builder, byte[]? raw = null) =>
        _dir.Write($"{Guid.NewGuid():N}.wav", raw is null ? builder.Build(Tone) : builder.BuildRaw(raw));

    private string Write(WavBuilder builder, float[] samples) =>
        _dir.Write($"{Guid.NewGuid():N}.wav", builder.Build(samples));

    /// <summary>Both entry points refuse the file with a one-line message naming it and the problem.</summary>
    private static AudioFormatException AssertRefused(string path, string problem)
    {
        var ex = Assert.Throws<AudioFormatException>(() => WavReader.ReadMono(path));
        Assert.StartsWith(path + ": ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);

        var viaLoader = Assert.Throws<AudioFormatException>(() => AudioLoader.LoadMono(path));
        Assert.Equal(ex.Message, viaLoader.Message);
        return ex;
    }
}
