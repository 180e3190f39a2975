namespace EdgeSentiment.Device.Booth.Age;

/// <summary>A sealed file that cannot be opened: altered, truncated, not age, or for another key.
/// The message is one line that says which and what to do.</summary>
public sealed class AgeException : Exception
{
    public AgeException()
    {
    }

    public AgeException(string message)
        : base(message)
    {
    }

    public AgeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
