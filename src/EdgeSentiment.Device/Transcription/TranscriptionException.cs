namespace EdgeSentiment.Device.Transcription;

/// <summary>Speech recognition could not start or failed; the message says what to do.</summary>
public sealed class TranscriptionException : Exception
{
    public TranscriptionException()
    {
    }

    public TranscriptionException(string message)
        : base(message)
    {
    }

    public TranscriptionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
