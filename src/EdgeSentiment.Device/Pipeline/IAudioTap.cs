namespace EdgeSentiment.Device.Pipeline;

/// <summary>
/// Sees the captured audio (after the echo canceller) as it is cut into windows: the review
/// booth's recorder. Called on the assembling loop for every chunk, so it returns quickly and
/// never keeps the span.
/// </summary>
public interface IAudioTap
{
    /// <param name="samples">16 kHz mono samples, valid only during the call.</param>
    /// <param name="streamPosition">The time of the first sample since the capture started, on the windows' clock.</param>
    void OnAudio(ReadOnlySpan<float> samples, TimeSpan streamPosition);
}
