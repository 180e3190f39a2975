namespace EdgeSentiment.Device.Control.Contract;

/// <summary>The body of <c>POST /v1/sessions/start</c>.</summary>
public sealed record SessionStartRequest(string? Title);
