using EdgeSentiment.Core.Audio;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Core.Tests.Audio;

public sealed class StreamingResamplerTests
{
    [Theory]
    [InlineData(44100, 16000)]
    [InlineData(48000, 16000)]
    [InlineData(22050, 16000)]
    [InlineData(8000, 16000)]
    [InlineData(16000, 44100)]
    public void Process_InRandomChunks_EqualsOneShotOutputExactly(int inputRate, int outputRate)
    {
        float[] input = Signals.Noise(inputRate / 2, seed: inputRate);
        float[] oneShot = StreamingResampler.Resample(input, inputRate, outputRate);

        var resampler = new StreamingResampler(inputRate, outputRate);
        var random = new Random(7);
        var chunked = new List<float>();
        float[] output = new float[resampler.MaxOutputLength(5000)];
        int position = 0;
        while (position < input.Length)
        {
            // Include 1-sample and larger-than-staging chunks.
            int length = Math.Min(input.Length - position, random.Next(3) == 0 ? 1 : random.Next(1, 5000));
            int written = resampler.Process(input.AsSpan(position, length), output);
            Assert.True(written <= resampler.MaxOutputLength(length));
            chunked.AddRange(output.AsSpan(0, written));
            position += length;
        }

        float[] tail = new float[resampler.MaxFlushLength];
        chunked.AddRange(tail.AsSpan(0, resampler.Flush(tail)));

        Assert.Equal(oneShot, chunked.ToArray());
    }

    [Theory]
    [InlineData(44100, 16000, 20000)]
    [InlineData(48000, 16000, 20000)]
    [InlineData(8000, 16000, 4000)]
    [InlineData(16000, 8000, 20000)]
    public void Resample_Length_IsTheDurationAtTheNewRate(int inputRate, int outputRate, int inputLength)
    {
        float[] output = StreamingResampler.Resample(new float[inputLength], inputRate, outputRate);

        Assert.Equal((int)Math.Ceiling((double)inputLength * outputRate / inputRate), output.Length);
    }

    [Fact]
    public void Resample_SameRate_ReturnsTheSamplesUnfiltered()
    {
        float[] input = Signals.Noise(1000, seed: 3);

        Assert.Equal(input, StreamingResampler.Resample(input, 16000, 16000));
    }

    [Theory]
    [InlineData(44100)]
    [InlineData(48000)]
    [InlineData(22050)]
    [InlineData(11025)]
    public void Resample_ToneInThePassband_KeepsFrequencyAmplitudeAndTiming(int inputRate)
    {
        float[] input = Signals.Sine(1000, inputRate, inputRate, amplitude: 0.5, phase: 0.3);

        float[] output = StreamingResampler.Resample(input, inputRate, 16000);

        // Compare against the ideal 16 kHz sine away from the edges: no delay, no gain change.
        float[] ideal = Signals.Sine(1000, 16000, output.Length, amplitude: 0.5, phase: 0.3);
        for (int n = 800; n < output.Length - 800; n++)
        {
            Assert.Equal(ideal[n], output[n], 1e-3);
        }
    }

    [Theory]
    [InlineData(44100, 100)]
    [InlineData(44100, 7200)]
    [InlineData(48000, 7200)]
    [InlineData(8000, 3600)]
    public void Resample_TonesUpToTheBandEdge_LoseLessThanHalfADecibel(int inputRate, double frequency)
    {
        int outputRate = 16000;
        float[] input = Signals.Sine(frequency, inputRate, inputRate);

        float[] output = StreamingResampler.Resample(input, inputRate, outputRate);

        double amplitude = Signals.ToneAmplitude(output.AsSpan(1600, outputRate / 2), frequency, outputRate);
        Assert.InRange(Signals.Db(amplitude / 0.5), -0.5, 0.5);
    }

    [Theory]
    [InlineData(44100, 8200)]
    [InlineData(44100, 11000)]
    [InlineData(44100, 14000)]
    [InlineData(44100, 20000)]
    [InlineData(48000, 9000)]
    [InlineData(48000, 23000)]
    public void Resample_TonesAboveTheNewNyquist_AreAttenuatedBySixtyDecibels(int inputRate, double frequency)
    {
        float[] input = Signals.Sine(frequency, inputRate, inputRate);

        float[] output = StreamingResampler.Resample(input, inputRate, 16000);

        // Total energy catches the alias wherever it folds to.
        double attenuation = Signals.Db(Signals.Rms(output.AsSpan(1600, 8000)) / Signals.Rms(input));
        Assert.True(attenuation < -60, $"{frequency} Hz came through at {attenuation:F1} dB.");
    }

    [Fact]
    public void Process_OutputTooSmall_IsRefusedWithoutConsumingInput()
    {
        var resampler = new StreamingResampler(48000, 16000);

        Assert.Throws<ArgumentException>(() => resampler.Process(new float[4800], new float[10]));

        float[] output = new float[resampler.MaxOutputLength(4800)];
        Assert.True(resampler.Process(new float[4800], output) > 1500);
    }

    [Fact]
    public void Process_AfterFlush_RequiresReset()
    {
        var resampler = new StreamingResampler(48000, 16000);
        float[] input = Signals.Noise(4800, seed: 5);
        float[] first = new float[resampler.MaxOutputLength(input.Length)];
        int firstCount = resampler.Process(input, first);
        resampler.Flush(new float[resampler.MaxFlushLength]);

        Assert.Throws<InvalidOperationException>(() => resampler.Process(input, new float[2000]));

        resampler.Reset();
        float[] second = new float[first.Length];
        Assert.Equal(firstCount, resampler.Process(input, second));
        Assert.Equal(first, second);
    }

    [Fact]
    public void Process_AfterConstruction_AllocatesNothing()
    {
        // Live capture calls this for every buffer; the garbage collector must stay out of it.
        var resampler = new StreamingResampler(44100, 16000);
        float[] input = Signals.Noise(1024, seed: 11);
        float[] output = new float[resampler.MaxOutputLength(input.Length)];

        Assert.Equal(0, Allocations.FewestBytes(() => resampler.Process(input, output), calls: 200));
    }

    [Fact]
    public void Latency_At48kHz_IsAFewMilliseconds()
    {
        var resampler = new StreamingResampler(48000, 16000);

        Assert.InRange(resampler.Latency.TotalMilliseconds, 0.5, 10);
    }

    [Fact]
    public void Constructor_RatesOutOfRange_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new StreamingResampler(0, 16000));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StreamingResampler(16000, 800_000));
    }
}
