namespace EdgeSentiment.Device.Control.Contract;

/// <summary>What the agent listens to: Capture:Source, and Capture:Device for a microphone or Capture:File for a recording.</summary>
public sealed record CaptureInfo(string Source, string Input);
