using EdgeSentiment.Core.Segmentation;

namespace EdgeSentiment.Core.Tests.Segmentation;

public sealed class RecordingWindowCutterTests
{
    private const int Rate = 16000;

    [Theory]
    [InlineData(0, 4800)]
    [InlineData(1000, 4800)]
    [InlineData(32000, 4800)]
    [InlineData(38240, 4800)]
    [InlineData(40000, 1)]
    [InlineData(160_123, 4800)]
    [InlineData(160_123, 100_000)]
    public void AnyBlockSize_GivesThePlannersWindowsOfTheWholeRecording(int length, int block)
    {
        var recording = new float[length];
        for (var i = 0; i < length; i++)
        {
            recording[i] = i + 1;
        }

        var planner = new WindowPlanner(AnalysisWindowSettings.Default, Rate);
        var expected = planner.Plan(length).Select(w =>
        {
            var window = new float[planner.WindowSamples];
            planner.Fill(recording, w, window);
            return (planner.StartTime(w), window);
        }).ToList();

        var cutter = new RecordingWindowCutter(AnalysisWindowSettings.Default, Rate);
        var actual = new List<(TimeSpan, float[])>();
        var buffer = new float[planner.WindowSamples];
        for (var offset = 0; offset < length; offset += block)
        {
            ReadOnlySpan<float> rest = recording.AsSpan(offset, Math.Min(block, length - offset));
            while (!rest.IsEmpty)
            {
                rest = rest[cutter.Write(rest)..];
                while (cutter.TryTake(buffer, out var start))
                {
                    actual.Add((start, buffer.ToArray()));
                }
            }
        }

        if (cutter.TryTakeLast(buffer, out var last))
        {
            actual.Add((last, buffer.ToArray()));
        }

        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Item1, actual[i].Item1);
            Assert.Equal(expected[i].window, actual[i].Item2);
        }
    }
}
