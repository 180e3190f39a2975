using EdgeSentiment.Agent.Pipeline;

namespace EdgeSentiment.Agent.Storage;

/// <summary>Feeds each window's result, with the mood shown after it, to the encrypted store through the store's own sink queue.</summary>
public sealed class StoreMoodSink : IMoodSink
{
    private readonly ResultStoreSink _sink;

    public StoreMoodSink(ResultStoreSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _sink = sink;
    }

    public string Name => "store";

    public ValueTask HandleAsync(MoodUpdate update, CancellationToken cancellationToken) =>

        // Capture fault changes carry no window: there is nothing to record for them.
        update.Window is { } window ? _sink.WriteAsync(window, update.Mood, cancellationToken) : ValueTask.CompletedTask;
}
