using EdgeSentiment.Core.Audio;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Core.Tests.Audio;

public sealed class AudioLoaderTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void LoadMono_Stereo44kSine_Becomes16kMonoWithTheSameFrequencyAndLevel()
    {
        // Two seconds of a 1 kHz tone, the left channel 0.6 and the right 0.4: mono is 0.5.
        float[] left = Signals.Sine(1000, 44100, 88200, amplitude: 0.6);
        float[] right = Signals.Sine(1000, 44100, 88200, amplitude: 0.4);
        string path = _dir.Write("stereo.wav", new WavBuilder { Channels = 2, SampleRate = 44100 }.Build(Signals.Interleave(left, right)));

        var audio = AudioLoader.LoadMono(path);

        Assert.Equal(16000, audio.SampleRate);
        Assert.Equal(2.0, audio.DurationSeconds, 3);
        ReadOnlySpan<float> middle = audio.Samples.AsSpan(8000, 16000);
        Assert.InRange(Signals.ZeroCrossings(middle), 1999, 2001);
        Assert.InRange(Signals.Db(Signals.ToneAmplitude(middle, 1000, 16000) / 0.5), -0.5, 0.5);
        Assert.InRange(Signals.Db(Signals.Rms(middle) * Math.Sqrt(2) / 0.5), -0.5, 0.5);
    }

    [Fact]
    public void LoadMono_MixedHighTones_OnlyTheInBandToneSurvives()
    {
        // 11 kHz and 14 kHz would fold to 5 kHz and 2 kHz without the anti-alias filter.
        float[] mix = new float[44100];
        float[] low = Signals.Sine(1000, 44100, mix.Length, amplitude: 0.3);
        float[] high1 = Signals.Sine(11000, 44100, mix.Length, amplitude: 0.3);
        float[] high2 = Signals.Sine(14000, 44100, mix.Length, amplitude: 0.3);
        for (int n = 0; n < mix.Length; n++)
        {
            mix[n] = low[n] + high1[n] + high2[n];
        }

        string path = _dir.Write("mix.wav", new WavBuilder { SampleRate = 44100, Bits = 32, Float = true }.Build(mix));

        var audio = AudioLoader.LoadMono(path, 16000);

        ReadOnlySpan<float> middle = audio.Samples.AsSpan(1600, 12800);
        Assert.True(Signals.Db(Signals.ToneAmplitude(middle, 5000, 16000) / 0.3) < -50);
        Assert.True(Signals.Db(Signals.ToneAmplitude(middle, 2000, 16000) / 0.3) < -50);
        Assert.InRange(Signals.Db(Signals.ToneAmplitude(middle, 1000, 16000) / 0.3), -0.5, 0.5);
    }

    [Fact]
    public void LoadMono_AlreadyAtTheRate_ReturnsTheSamplesUnchanged()
    {
        float[] noise = Signals.Noise(4000, seed: 9);
        string path = _dir.Write("n.wav", new WavBuilder { Bits = 32, Float = true }.Build(noise));

        var audio = AudioLoader.LoadMono(path, 16000);

        Assert.Equal(noise, audio.Samples);
    }

    [Fact]
    public void LoadMono_OtherTargetRate_IsHonoured()
    {
        string path = _dir.Write("t.wav", new WavBuilder { SampleRate = 48000 }.Build(new float[48000]));

        var audio = AudioLoader.LoadMono(path, 22050);

        Assert.Equal(22050, audio.SampleRate);
        Assert.Equal(22050, audio.Samples.Length);
    }

    [Fact]
    public void LoadMono_OddSampleRate_SaysToResampleToAStandardRateFirst()
    {
        string path = _dir.Write("odd.wav", new WavBuilder { SampleRate = 96001 }.Build(new float[960]));

        var ex = Assert.Throws<AudioFormatException>(() => AudioLoader.LoadMono(path));

        Assert.Equal($"{path}: its sample rate of 96001 Hz has no practical conversion to 16000 Hz; resample it to a standard rate first, e.g. sox in.wav -r 48000 out.wav", ex.Message);
    }

    [Fact]
    public void LoadMono_MissingFile_NamesIt()
    {
        string path = Path.Combine(_dir.Path, "missing.wav");

        var ex = Assert.Throws<AudioFormatException>(() => AudioLoader.LoadMono(path));

        Assert.Equal($"{path}: file not found; check the path", ex.Message);
    }
}
