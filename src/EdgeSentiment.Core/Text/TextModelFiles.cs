namespace EdgeSentiment.Core.Text;

/// <summary>Where the shipped text model lives next to the program.</summary>
public static class TextModelFiles
{
    // Not "sentiment-*.onnx": the voice model's loader and scripts look for those names.
    public const string DefaultFileName = "text-sentiment.onnx";

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "models", DefaultFileName);
}
