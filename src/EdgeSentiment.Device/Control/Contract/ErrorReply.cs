namespace EdgeSentiment.Device.Control.Contract;

/// <summary>Any refusal or failure: what went wrong and, when there is one, what to do about it.</summary>
public sealed record ErrorReply(int Version, string Error, string? Hint);
