namespace EdgeSentiment.Agent.Storage;

/// <summary>A message waiting to be published: its unique id, when it was queued, and its serialised payload.</summary>
public sealed record OutboxEntry(Guid MessageId, DateTime CreatedUtc, ReadOnlyMemory<byte> Payload);
