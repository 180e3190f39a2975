namespace EdgeSentiment.Device.Capture.EchoCancellation;

/// <summary>The echo canceller could not be made: SpeexDSP is missing or refused the settings.</summary>
public sealed class EchoCancellerException : Exception
{
    public EchoCancellerException()
    {
    }

    public EchoCancellerException(string message)
        : base(message)
    {
    }

    public EchoCancellerException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
