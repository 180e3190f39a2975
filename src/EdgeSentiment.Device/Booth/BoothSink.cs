using EdgeSentiment.Device.Pipeline;

namespace EdgeSentiment.Device.Booth;

/// <summary>Hands each classified window to the booth: a review's document lists its windows, and speech keeps it open.</summary>
public sealed class BoothSink(ReviewBooth booth) : IMoodSink
{
    public string Name => "review booth";

    public ValueTask HandleAsync(MoodUpdate update, CancellationToken cancellationToken)
    {
        if (update.Window is { } window)
        {
            booth.OnWindow(window);
        }

        return ValueTask.CompletedTask;
    }
}
