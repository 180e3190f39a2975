namespace EdgeSentiment.Device.Control;

/// <summary>A connection feature: who is connected and whether the policy lets them in, decided once per connection.</summary>
public sealed record PeerAccess(PeerCredentials? Peer, PeerDecision Decision);
