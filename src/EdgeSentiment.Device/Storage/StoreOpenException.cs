namespace EdgeSentiment.Device.Storage;

/// <summary>The database file cannot be used (held by another process, unreadable, not a result database); it was left as it is.</summary>
public sealed class StoreOpenException : Exception
{
    public StoreOpenException()
    {
    }

    public StoreOpenException(string message)
        : base(message)
    {
    }

    public StoreOpenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when another process (normally the running agent) holds the database.</summary>
    public bool InUse { get; init; }
}
