namespace EdgeSentiment.Device.Capture.PortAudio;

/// <summary>One capture device as PortAudio lists it.</summary>
public sealed record CaptureDeviceInfo(
    int Index,
    string Name,
    string HostApi,
    int MaxInputChannels,
    double DefaultSampleRate,
    bool IsDefault);
