namespace EdgeSentiment.Core.Inference;

/// <summary>A model file that cannot be used: missing, corrupt, or trained for other features.</summary>
public sealed class ModelLoadException : Exception
{
    public ModelLoadException()
    {
    }

    public ModelLoadException(string message)
        : base(message)
    {
    }

    public ModelLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
