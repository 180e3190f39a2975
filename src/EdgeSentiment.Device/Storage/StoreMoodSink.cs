using EdgeSentiment.Device.Pipeline;

namespace EdgeSentiment.Device.Storage;

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

    public ValueTask HandleAsync(MoodUpdate update, CancellationToken cancellationToken)
    {
        if (update.Window is { } window)
        {
            return _sink.WriteAsync(window, update.Mood, cancellationToken);
        }

        // A capture fault carries no window; it is kept as a device event, which the status command lists.
        if (update.CaptureFault)
        {
            _sink.RecordFault(update.At.UtcDateTime, "microphone unavailable or failed; retrying");
        }

        return ValueTask.CompletedTask;
    }
}
