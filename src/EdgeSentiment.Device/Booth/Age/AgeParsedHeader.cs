namespace EdgeSentiment.Device.Booth.Age;

/// <summary>An age header as read: its stanzas, the bytes its MAC covers, and the MAC.</summary>
internal sealed record AgeParsedHeader(IReadOnlyList<AgeStanza> Stanzas, byte[] UpToDashes, byte[] Mac);
