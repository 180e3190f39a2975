using EdgeSentiment.Device.Storage.Outbox;

namespace EdgeSentiment.Device.Tests.Fakes;

/// <summary>An outbox that counts how often it is read, over a real one that does the work.</summary>
public sealed class CountingOutbox : IOutbox
{
    private readonly IOutbox _inner;
    private int _peeks;

    public CountingOutbox(IOutbox inner) => _inner = inner;

    public event EventHandler? Enqueued
    {
        add => _inner.Enqueued += value;
        remove => _inner.Enqueued -= value;
    }

    /// <summary>How many times <see cref="PeekOldest"/> was called.</summary>
    public int Peeks => Volatile.Read(ref _peeks);

    public long Dropped => _inner.Dropped;

    public IReadOnlyList<OutboxEntry> PeekOldest(int count)
    {
        Interlocked.Increment(ref _peeks);
        return _inner.PeekOldest(count);
    }

    public int Count() => _inner.Count();

    public bool Acknowledge(Guid messageId) => _inner.Acknowledge(messageId);
}
