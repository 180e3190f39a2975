namespace EdgeSentiment.Device.Control.Contract;

/// <summary>The session a start or stop request began or ended.</summary>
public sealed record SessionReply(int Version, SessionRow Session);
