namespace EdgeSentiment.Device.Pipeline;

/// <summary>Where audio comes from: a microphone, or a recording played back.</summary>
public interface IAudioSource
{
    /// <summary>What the logs call this source, e.g. the device or file name.</summary>
    string Description { get; }

    /// <summary>
    /// True when audio arrives in real time whether or not we keep up (a microphone, a paced file):
    /// the pipeline then drops the oldest audio instead of waiting. False for a file read as fast
    /// as possible, where waiting loses nothing.
    /// </summary>
    bool IsLive { get; }

    /// <summary>
    /// Writes 16 kHz mono audio to <paramref name="output"/> until the source ends or
    /// <paramref name="cancellationToken"/> fires. Device failures are reported through
    /// <paramref name="output"/> and retried, not thrown.
    /// </summary>
    Task RunAsync(CaptureOutput output, CancellationToken cancellationToken);
}
