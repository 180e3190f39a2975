namespace EdgeSentiment.Device.Capture;

/// <summary>Where the agent listens.</summary>
public enum CaptureSourceKind
{
    /// <summary>A WAV recording played as if it were a microphone (the default run).</summary>
    File = 0,

    /// <summary>A PortAudio capture device.</summary>
    Microphone,
}
