namespace EdgeSentiment.Device.Booth.Opus;

/// <summary>The Opus encoder could not start or encode; the message says what to do.</summary>
public sealed class OpusEncoderException : Exception
{
    public OpusEncoderException()
    {
    }

    public OpusEncoderException(string message)
        : base(message)
    {
    }

    public OpusEncoderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
