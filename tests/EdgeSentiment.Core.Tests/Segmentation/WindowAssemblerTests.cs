using EdgeSentiment.Core.Segmentation;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Core.Tests.Segmentation;

public sealed class WindowAssemblerTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(160)]
    [InlineData(1023)]
    [InlineData(8000)]
    [InlineData(50000)]
    public void Append_AnyChunkSize_YieldsThePlannersRegularWindows(int chunkSize)
    {
        var audio = Ramp(5.3);
        var planner = new WindowPlanner(AnalysisWindowSettings.Default, 16000);
        var assembler = new WindowAssembler(AnalysisWindowSettings.Default, 16000);
        var windows = new List<(long Start, float[] Samples)>();

        for (var at = 0; at < audio.Length; at += chunkSize)
        {
            var chunk = audio.AsSpan(at, Math.Min(chunkSize, audio.Length - at));
            while (!chunk.IsEmpty)
            {
                chunk = chunk[assembler.Append(chunk)..];
                if (assembler.IsWindowReady)
                {
                    var window = new float[assembler.WindowSamples];
                    assembler.CopyWindowTo(window);
                    windows.Add((assembler.WindowStart, window));
                }
            }
        }

        Assert.Equal(planner.RegularCount(audio.Length), windows.Count);
        var planned = planner.Plan(audio.Length);
        var buffer = new float[planner.WindowSamples];
        for (var i = 0; i < windows.Count; i++)
        {
            Assert.Equal(planned[i].Start, windows[i].Start);
            planner.Fill(audio, planned[i], buffer);
            Assert.Equal(buffer, windows[i].Samples);
        }
    }

    [Fact]
    public void Append_RandomChunkSizes_WindowsEveryHopAfterTheFirst()
    {
        var random = new Random(7);
        var audio = Ramp(4);
        var assembler = new WindowAssembler(AnalysisWindowSettings.Default, 16000);
        var starts = new List<long>();
        var window = new float[assembler.WindowSamples];
        var span = audio.AsSpan();
        while (!span.IsEmpty)
        {
            var chunk = span[..Math.Min(span.Length, random.Next(1, 3000))];
            span = span[chunk.Length..];
            while (!chunk.IsEmpty)
            {
                chunk = chunk[assembler.Append(chunk)..];
                if (assembler.IsWindowReady)
                {
                    assembler.CopyWindowTo(window);
                    Assert.Equal(assembler.WindowStart, (long)window[0]);
                    Assert.Equal(assembler.WindowStart + assembler.WindowSamples - 1, (long)window[^1]);
                    starts.Add(assembler.WindowStart);
                }
            }
        }

        Assert.Equal([0L, 8000, 16000, 24000, 32000], starts);
    }

    [Fact]
    public void Append_SteadyState_AllocatesNothing()
    {
        var assembler = new WindowAssembler(AnalysisWindowSettings.Default, 16000);
        var chunk = new float[512];
        var window = new float[assembler.WindowSamples];
        for (var i = 0; i < 100; i++)
        {
            assembler.Append(chunk);
        }

        var allocated = Allocations.FewestBytes(
            () =>
            {
                var rest = chunk.AsSpan();
                while (!rest.IsEmpty)
                {
                    rest = rest[assembler.Append(rest)..];
                    if (assembler.IsWindowReady)
                    {
                        assembler.CopyWindowTo(window);
                    }
                }
            },
            calls: 200);

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void CopyWindowTo_BeforeAWindowIsReady_Throws()
    {
        var assembler = new WindowAssembler(AnalysisWindowSettings.Default, 16000);
        assembler.Append(new float[100]);

        Assert.False(assembler.IsWindowReady);
        Assert.Throws<InvalidOperationException>(() => assembler.CopyWindowTo(new float[assembler.WindowSamples]));
    }

    [Fact]
    public void CopyWindowTo_ADestinationShorterThanAWindow_Throws()
    {
        var assembler = new WindowAssembler(AnalysisWindowSettings.Default, 16000);
        assembler.Append(new float[assembler.WindowSamples]);

        Assert.True(assembler.IsWindowReady);
        Assert.Throws<ArgumentException>(() => assembler.CopyWindowTo(new float[assembler.WindowSamples - 1]));
    }

    [Fact]
    public void Reset_StartsOverFromAnEmptyWindow()
    {
        var assembler = new WindowAssembler(AnalysisWindowSettings.Default, 16000);
        assembler.Append(new float[20000]);
        assembler.Reset();

        var taken = assembler.Append(new float[40000]);

        Assert.Equal(32000, taken);
        Assert.True(assembler.IsWindowReady);
        Assert.Equal(0, assembler.WindowStart);
    }

    // Each sample holds its own index, so a window's content shows exactly where it came from.
    private static float[] Ramp(double seconds)
    {
        var audio = new float[(int)(seconds * 16000)];
        for (var i = 0; i < audio.Length; i++)
        {
            audio[i] = i;
        }

        return audio;
    }
}
