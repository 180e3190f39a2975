namespace EdgeSentiment.Device.Control;

/// <summary>Whether a peer may use the control socket, and why, in words for the log.</summary>
public readonly record struct PeerDecision(bool Allowed, string Reason);
