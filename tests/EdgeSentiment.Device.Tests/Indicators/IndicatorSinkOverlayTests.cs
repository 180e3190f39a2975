using EdgeSentiment.Core.Mood;
using EdgeSentiment.Device.Indicators;
using EdgeSentiment.Device.Pipeline;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Device.Tests.Indicators;

public sealed class IndicatorSinkOverlayTests
{
    [Fact]
    public async Task Overlay_WhileSet_MoodsWaitAndTheLatestReturnsAfter()
    {
        var indicator = new RecordingIndicator();
        var sink = new IndicatorSink(indicator);
        await sink.HandleAsync(Update(AudienceMood.Neutral), CancellationToken.None);

        sink.Overlay(LedPattern.Recording);
        await sink.HandleAsync(Update(AudienceMood.Positive), CancellationToken.None);
        await sink.HandleAsync(Update(AudienceMood.Negative), CancellationToken.None);
        sink.Overlay(null);

        Assert.Equal([LedPattern.Neutral, LedPattern.Recording, LedPattern.Negative], indicator.Patterns);
    }

    private static MoodUpdate Update(AudienceMood mood) => new(DateTimeOffset.UnixEpoch, mood, false, null);
}
