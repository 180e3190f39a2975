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
}
