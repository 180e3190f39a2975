namespace EdgeSentiment.Device.Storage.Outbox;

/// <summary>A message waiting to be published: its unique id, when it was queued, its serialised payload and what it is.</summary>
public sealed record OutboxEntry(Guid MessageId, DateTime CreatedUtc, ReadOnlyMemory<byte> Payload, OutboxKind Kind = OutboxKind.Summary);
