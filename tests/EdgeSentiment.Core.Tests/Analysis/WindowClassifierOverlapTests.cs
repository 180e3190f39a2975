using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Audio;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Core.Tests.Analysis;

public sealed class WindowClassifierOverlapTests
{
    // The agent's windows follow each other by one hop and reuse three quarters of the previous
    // window's frames; the result must be what the same window gets on its own, as in analyze.
    // Backwards through the same classifier, no window continues the one before it.
    [Theory]
    [InlineData("sentiment-int8.onnx")]
    [InlineData("sentiment-fp32.onnx")]
    public void Classify_ConsecutiveWindows_GiveExactlyTheResultsOfWindowsOnTheirOwn(string model)
    {
        using var classifier = WindowClassifier.Load(Path.Combine(RepositoryPaths.Models, model));
        var audio = SyntheticSpeech.Generate(6.0, classifier.SampleRate);
        var hop = classifier.SampleRate / 2;

        // Window 4 is skipped, as when the agent drops a window on a slow board.
        int[] order = [0, 1, 2, 3, 5, 6, 7, 8];
        var results = new WindowResult[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            results[i] = classifier.Classify(audio.AsSpan(order[i] * hop, classifier.WindowSamples), TimeSpan.Zero);
        }

        // Every frame computed: no window continues the one classified before it.
        for (var i = order.Length - 1; i >= 0; i--)
        {
            var alone = classifier.Classify(audio.AsSpan(order[i] * hop, classifier.WindowSamples), TimeSpan.Zero);
            Assert.Equal(alone, results[i]);
        }

        Assert.Contains(results, r => r.IsSpeech);
    }
}
