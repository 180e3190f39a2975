namespace EdgeSentiment.Device.Capture.PortAudio;

/// <summary>Which channel of a capture device is the microphone and which the soundtrack reference, counted from 0.</summary>
public readonly record struct CaptureChannels(int Microphone, int Reference)
{
    /// <summary>Channels the device must open to deliver both.</summary>
    public int Needed => Math.Max(Microphone, Reference) + 1;
}
