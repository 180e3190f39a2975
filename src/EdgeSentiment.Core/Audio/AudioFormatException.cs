namespace EdgeSentiment.Core.Audio;

/// <summary>Audio that cannot be read: the message names the file and what is wrong with it.</summary>
public sealed class AudioFormatException : Exception
{
    public AudioFormatException()
    {
    }

    public AudioFormatException(string message)
        : base(message)
    {
    }

    public AudioFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Builds the one-line message "source: problem" the user sees.</summary>
    internal static AudioFormatException For(string source, string problem) => new($"{source}: {problem}");
}
