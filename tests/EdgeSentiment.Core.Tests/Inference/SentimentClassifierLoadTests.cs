using EdgeSentiment.Core.Features;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Core.Tests.Inference;

public sealed class SentimentClassifierLoadTests
{
    [Fact]
    public void Load_MissingFile_SaysNotFoundAndWhatToDo()
    {
        var e = Assert.Throws<ModelLoadException>(
            () => SentimentClassifier.Load("/nonexistent/model.onnx", LogMelSettings.Default, 198));

        Assert.Contains("/nonexistent/model.onnx", e.Message, StringComparison.Ordinal);
        Assert.Contains("not found", e.Message, StringComparison.Ordinal);
        Assert.Contains("--model", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CorruptFile_SaysItIsNotAModel()
    {
        using var folder = new TempFolder();
        var path = folder.Write("broken.onnx", "this is not a protobuf");

        var e = Assert.Throws<ModelLoadException>(() => SentimentClassifier.Load(path, LogMelSettings.Default, 198));

        Assert.Contains("broken.onnx", e.Message, StringComparison.Ordinal);
        Assert.Contains("not a loadable ONNX model", e.Message, StringComparison.Ordinal);
    }
}
