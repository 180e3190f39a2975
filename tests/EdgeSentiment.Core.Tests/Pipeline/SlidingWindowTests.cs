using EdgeSentiment.Agent.Pipeline;

namespace EdgeSentiment.Core.Tests.Pipeline;

public sealed class SlidingWindowTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1600)]
    [InlineData(50000)]
    public void Push_AnyChunkSize_YieldsTheSameWindowsAsSlicingTheWholeStream(int chunk)
    {
        var stream = new float[100];
        for (var i = 0; i < stream.Length; i++)
        {
            stream[i] = i;
        }

        var sliding = new SlidingWindow(windowSamples: 20, hopSamples: 5, sampleRate: 10);
        var windows = new List<(TimeSpan Start, float[] Samples)>();
        for (var offset = 0; offset < stream.Length; offset += chunk)
        {
            var part = stream.AsSpan(offset, Math.Min(chunk, stream.Length - offset));
            while (!part.IsEmpty)
            {
                part = part[sliding.Push(part, out var ready)..];
                if (ready)
                {
                    var copy = new float[20];
                    sliding.CopyLatest(copy);
                    windows.Add((sliding.LatestStart, copy));
                }
            }
        }

        // Windows start every 5 samples from 0 up to 80 (the last that fits in 100).
        Assert.Equal(17, windows.Count);
        for (var k = 0; k < windows.Count; k++)
        {
            Assert.Equal(TimeSpan.FromSeconds(k * 5 / 10.0), windows[k].Start);
            Assert.Equal(stream.AsSpan(k * 5, 20).ToArray(), windows[k].Samples);
        }
    }
}
