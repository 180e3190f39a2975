using EdgeSentiment.Core.Features;
using EdgeSentiment.Core.Inference;

namespace EdgeSentiment.Core.Tests.Inference;

public sealed class ModelContractTests
{
    [Fact]
    public void Parse_ReadsEveryField()
    {
        var contract = ModelContract.Parse(Metadata(), "m.onnx");

        Assert.Equal([SentimentLabel.Negative, SentimentLabel.Neutral, SentimentLabel.Positive], contract.Labels);
        Assert.Equal(LogMelSettings.Default, contract.Features);
        Assert.Equal(198, contract.WindowFrames);
        Assert.Equal("int8", contract.Precision);
        Assert.Null(contract.FindFeatureMismatch(LogMelSettings.Default, 198));
    }

    [Fact]
    public void Parse_LabelsInAnotherOrder_AreKeptInTheModelsOrder()
    {
        var metadata = Metadata();
        metadata["edgesentiment.labels"] = "positive,negative,neutral";

        var contract = ModelContract.Parse(metadata, "m.onnx");

        Assert.Equal([SentimentLabel.Positive, SentimentLabel.Negative, SentimentLabel.Neutral], contract.Labels);
    }

    [Theory]
    [InlineData("edgesentiment.mel_bands", "40", "mel_bands")]
    [InlineData("edgesentiment.hop_length", "256", "hop_length")]
    [InlineData("edgesentiment.fmax", "7600", "fmax")]
    [InlineData("edgesentiment.feature", "mfcc-v1", "feature")]
    [InlineData("edgesentiment.window_frames", "98", "window_frames")]
    public void FindFeatureMismatch_NamesTheField(string key, string value, string field)
    {
        var metadata = Metadata();
        metadata[key] = value;

        var mismatch = ModelContract.Parse(metadata, "m.onnx").FindFeatureMismatch(LogMelSettings.Default, 198);

        Assert.NotNull(mismatch);
        Assert.Contains(field, mismatch, StringComparison.Ordinal);
        Assert.Contains(value, mismatch, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("edgesentiment.labels", "negative,positive", "labels")]
    [InlineData("edgesentiment.labels", "negative,neutral,happy", "happy")]
    [InlineData("edgesentiment.contract", "2", "version 2")]
    [InlineData("edgesentiment.sample_rate", "sixteen", "sample_rate")]
    public void Parse_BadField_SaysWhichAndWhy(string key, string value, string expected)
    {
        var metadata = Metadata();
        metadata[key] = value;

        var e = Assert.Throws<ModelLoadException>(() => ModelContract.Parse(metadata, "m.onnx"));

        Assert.Contains("m.onnx", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingKey_SaysTheModelIsNotOurs()
    {
        var metadata = Metadata();
        metadata.Remove("edgesentiment.fft_size");

        var e = Assert.Throws<ModelLoadException>(() => ModelContract.Parse(metadata, "m.onnx"));

        Assert.Contains("edgesentiment.fft_size", e.Message, StringComparison.Ordinal);
    }

    internal static Dictionary<string, string> Metadata() => new()
    {
        ["edgesentiment.contract"] = "1",
        ["edgesentiment.labels"] = "negative,neutral,positive",
        ["edgesentiment.feature"] = "logmel-v1",
        ["edgesentiment.sample_rate"] = "16000",
        ["edgesentiment.frame_length"] = "400",
        ["edgesentiment.hop_length"] = "160",
        ["edgesentiment.fft_size"] = "512",
        ["edgesentiment.mel_bands"] = "64",
        ["edgesentiment.fmin"] = "50",
        ["edgesentiment.fmax"] = "8000",
        ["edgesentiment.log_floor"] = "1e-10",
        ["edgesentiment.window_frames"] = "198",
        ["edgesentiment.precision"] = "int8",
    };
}
