namespace EdgeSentiment.Device.Storage.Outbox;

/// <summary>
/// The messages waiting to be published, oldest first. Entries are added by the store's writer in
/// the transaction that keeps the summary or session they announce, so nothing is queued that is not
/// stored; the publisher reads them here and removes each one once the broker has it.
/// </summary>
public interface IOutbox
{
    /// <summary>
    /// Raised after entries were added (committed), so a consumer waits for work instead of polling.
    /// Raised on the writing thread, possibly while the store holds its lock: a handler only takes
    /// note (sets a flag, writes to a channel) and returns.
    /// </summary>
    event EventHandler? Enqueued;

    /// <summary>
    /// Entries dropped unpublished (the outbox full or an entry too old) over the store's life; the
    /// LiteDB store keeps the total in its file, so it survives restarts.
    /// </summary>
    long Dropped { get; }

    /// <summary>The oldest entries, at most <paramref name="count"/> (any count: only what is there is allocated).</summary>
    IReadOnlyList<OutboxEntry> PeekOldest(int count);

    /// <summary>How many entries wait; cheap enough for a metrics gauge.</summary>
    int Count();

    /// <summary>Removes the entry once the broker has it; false when it is not (or no longer) there.</summary>
    bool Acknowledge(Guid messageId);
}
