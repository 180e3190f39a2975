using EdgeSentiment.Cli.Analyze;
using EdgeSentiment.Core.Analysis;

namespace EdgeSentiment.Cli.Tests.Commands;

public sealed class UtteranceSamplesTests
{
    // 10 samples a second keeps the positions readable: the utterance is samples 10 to 19.
    private const int Rate = 10;
    private static readonly Utterance OneToTwoSeconds = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), 0, 3);

    [Fact]
    public void Take_BlocksAcrossTheUtterance_KeepsOnlyItsSamples()
    {
        var samples = new UtteranceSamples(OneToTwoSeconds, Rate);
        var recording = Enumerable.Range(0, 40).Select(i => (float)i).ToArray();

        for (var position = 0; position < recording.Length; position += 7)
        {
            samples.Take(recording.AsSpan(position, Math.Min(7, recording.Length - position)), position);
        }

        Assert.Equal(10, samples.First);
        Assert.True(samples.IsComplete);
        Assert.Equal(Enumerable.Range(10, 10).Select(i => (float)i), samples.Samples.ToArray());
    }

    [Fact]
    public void Take_RecordingEndsInsideTheUtterance_KeepsTheSamplesThereWere()
    {
        var samples = new UtteranceSamples(OneToTwoSeconds, Rate);
        var recording = Enumerable.Range(0, 14).Select(i => (float)i).ToArray();

        samples.Take(recording, 0);

        Assert.False(samples.IsComplete);
        Assert.Equal([10f, 11f, 12f, 13f], samples.Samples.ToArray());
    }
}
