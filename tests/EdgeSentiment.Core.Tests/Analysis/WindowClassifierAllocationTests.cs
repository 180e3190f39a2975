using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Audio;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Core.Tests.Analysis;

public sealed class WindowClassifierAllocationTests
{
    private const int WarmUpWindows = 40;
    private const int Rounds = 4;
    private const int WindowsPerRound = 25;

    // On a board the agent classifies a window every 0.5 s for months: a few hundred bytes per
    // window is a steady stream of garbage collections. The name-based ONNX Runtime Run allocated
    // 352 bytes per call. The cleanest of a few rounds is taken, because the runtime's own
    // tiered compilation can allocate once on the calling thread.
    [Theory]
    [InlineData("sentiment-int8.onnx")]
    [InlineData("sentiment-fp32.onnx")]
    public void Classify_AfterWarmUp_AllocatesNothing(string model)
    {
        using var classifier = WindowClassifier.Load(Path.Combine(RepositoryPaths.Models, model));
        var audio = SyntheticSpeech.Generate(4.0, classifier.SampleRate);
        var hop = classifier.SampleRate / 2;
        var windows = (audio.Length - classifier.WindowSamples) / hop;
        for (var i = 0; i < WarmUpWindows; i++)
        {
            classifier.Classify(audio.AsSpan(i % windows * hop, classifier.WindowSamples), TimeSpan.Zero);
        }

        var fewest = long.MaxValue;
        for (var round = 0; round < Rounds; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < WindowsPerRound; i++)
            {
                classifier.Classify(audio.AsSpan(i % windows * hop, classifier.WindowSamples), TimeSpan.Zero);
            }

            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, fewest);
    }
}
