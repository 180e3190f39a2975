using EdgeSentiment.Agent.Capture;

namespace EdgeSentiment.Core.Tests.Capture;

public sealed class StreamingResampler16kTests
{
    [Theory]
    [InlineData(48000)]
    [InlineData(44100)]
    [InlineData(8000)]
    public void Process_ToneInChunks_KeepsItsPitchLengthAndLevel(int rate)
    {
        var input = Tone(rate, 440, seconds: 1.0);
        var resampler = new StreamingResampler16k(rate);
        var output = new float[20000];
        var written = 0;
        for (var offset = 0; offset < input.Length; offset += 441)
        {
            var chunk = input.AsSpan(offset, Math.Min(441, input.Length - offset));
            written += resampler.Process(chunk, output.AsSpan(written));
        }

        Assert.InRange(written, 15990, 16010);
        var tail = output.AsSpan(1000, 14000); // past the filter's settling
        Assert.InRange(ZeroCrossings(tail) / 2.0 / (14000 / 16000.0), 435, 445);
        Assert.InRange(Rms(tail), 0.33, 0.38); // 0.5 amplitude sine: 0.354
    }

    [Fact]
    public void Process_At16k_CopiesUnchanged()
    {
        var input = Tone(16000, 300, 0.1);
        var output = new float[input.Length];
        Assert.Equal(input.Length, new StreamingResampler16k(16000).Process(input, output));
        Assert.Equal(input, output);
    }

    private static float[] Tone(int rate, double hz, double seconds)
    {
        var samples = new float[(int)(rate * seconds)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (float)(0.5 * Math.Sin(2 * Math.PI * hz * i / rate));
        }

        return samples;
    }

    private static int ZeroCrossings(ReadOnlySpan<float> samples)
    {
        var count = 0;
        for (var i = 1; i < samples.Length; i++)
        {
            if ((samples[i - 1] < 0) != (samples[i] < 0))
            {
                count++;
            }
        }

        return count;
    }

    private static double Rms(ReadOnlySpan<float> samples)
    {
        double sum = 0;
        foreach (var s in samples)
        {
            sum += s * s;
        }

        return Math.Sqrt(sum / samples.Length);
    }
}
