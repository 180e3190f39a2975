namespace EdgeSentiment.Device.Capture.PortAudio;

/// <summary>A PortAudio call failed; the message names the call and PortAudio's reason.</summary>
public sealed class PortAudioException : Exception
{
    public PortAudioException()
    {
    }

    public PortAudioException(string message)
        : base(message)
    {
    }

    public PortAudioException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PortAudioException(string call, int errorCode)
        : base($"{call} failed: {PortAudioNative.ErrorText(errorCode)} ({errorCode})")
    {
        ErrorCode = errorCode;
    }

    public int ErrorCode { get; }
}
