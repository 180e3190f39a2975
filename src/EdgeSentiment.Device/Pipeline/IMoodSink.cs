namespace EdgeSentiment.Device.Pipeline;

/// <summary>A consumer of window results and moods: the LEDs now, the store and MQTT later.</summary>
public interface IMoodSink
{
    /// <summary>What the logs call this sink.</summary>
    string Name { get; }

    ValueTask HandleAsync(MoodUpdate update, CancellationToken cancellationToken);
}
