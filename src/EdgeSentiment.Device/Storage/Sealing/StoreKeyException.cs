namespace EdgeSentiment.Device.Storage.Sealing;

/// <summary>The encryption key is missing, unsafe, malformed or not the database's key; the message says what to do.</summary>
public sealed class StoreKeyException : Exception
{
    public StoreKeyException()
    {
    }

    public StoreKeyException(string message)
        : base(message)
    {
    }

    public StoreKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
