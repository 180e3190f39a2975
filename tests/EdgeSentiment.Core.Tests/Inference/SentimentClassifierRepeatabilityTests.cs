using EdgeSentiment.Core.Audio;
using EdgeSentiment.Core.Features;
using EdgeSentiment.Core.Inference;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Core.Tests.Inference;

public sealed class SentimentClassifierRepeatabilityTests
{
    private const int Loads = 8;

    // ONNX Runtime took another kernel path for an input buffer that was 8- but not 16-byte
    // aligned: the same window scored 0.8869828 or 0.8870903 (int8) from one load to the next, so
    // analyze could disagree with itself. Each load here puts its buffer somewhere else.
    [Theory]
    [InlineData("sentiment-int8.onnx")]
    [InlineData("sentiment-fp32.onnx")]
    public void Predict_SameFeaturesInEveryLoadedCopy_GivesTheSameBits(string model)
    {
        var settings = LogMelSettings.Default;
        var audio = AudioLoader.LoadMono(RepositoryPaths.Sample("screening.wav"));
        var features = new float[settings.FrameCount(32000) * settings.MelBands];
        new LogMelExtractor(settings).Compute(audio.Samples.AsSpan(0, 32000), features);

        var scores = new HashSet<(int, int, int)>();
        var spacers = new List<float[]>();
        var probabilities = new float[SentimentLabels.Count];
        for (var i = 0; i < Loads; i++)
        {
            spacers.Add(GC.AllocateArray<float>(1 + (2 * i), pinned: true));
            using var classifier = SentimentClassifier.Load(
                Path.Combine(RepositoryPaths.Models, model), settings, settings.FrameCount(32000));
            classifier.Predict(features, probabilities);
            scores.Add((
                BitConverter.SingleToInt32Bits(probabilities[0]),
                BitConverter.SingleToInt32Bits(probabilities[1]),
                BitConverter.SingleToInt32Bits(probabilities[2])));
        }

        Assert.Single(scores);
        GC.KeepAlive(spacers);
    }

    // The window path computes log-mel straight into the model's input instead of copying it there.
    [Fact]
    public void Predict_FeaturesWrittenIntoInput_GivesTheSameBitsAsPassingThem()
    {
        var settings = LogMelSettings.Default;
        var audio = AudioLoader.LoadMono(RepositoryPaths.Sample("screening.wav"));
        var features = new float[settings.FrameCount(32000) * settings.MelBands];
        var extractor = new LogMelExtractor(settings);
        extractor.Compute(audio.Samples.AsSpan(0, 32000), features);
        using var classifier = SentimentClassifier.Load(
            Path.Combine(RepositoryPaths.Models, "sentiment-int8.onnx"), settings, settings.FrameCount(32000));
        var passed = new float[SentimentLabels.Count];
        var inPlace = new float[SentimentLabels.Count];

        classifier.Predict(features, passed);
        classifier.Input.Clear();
        extractor.Compute(audio.Samples.AsSpan(0, 32000), classifier.Input);
        classifier.Predict(inPlace);

        Assert.Equal(passed, inPlace);
    }
}
