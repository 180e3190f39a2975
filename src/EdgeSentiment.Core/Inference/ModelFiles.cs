namespace EdgeSentiment.Core.Inference;

/// <summary>Where the shipped models live next to the program.</summary>
public static class ModelFiles
{
    public const string DefaultFileName = "sentiment-int8.onnx";
    public const string FullPrecisionFileName = "sentiment-fp32.onnx";

    /// <summary>The default model: int8, in the <c>models</c> folder beside the executable.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "models", DefaultFileName);
}
