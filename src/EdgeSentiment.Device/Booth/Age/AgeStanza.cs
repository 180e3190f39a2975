namespace EdgeSentiment.Device.Booth.Age;

/// <summary>One recipient stanza of an age header: a type, its arguments and a body that wraps the file key.</summary>
internal sealed record AgeStanza(string Type, IReadOnlyList<string> Arguments, byte[] Body);
