using System.Text.Json;
using EdgeSentiment.Core.Analysis;
using EdgeSentiment.Core.Audio;
using EdgeSentiment.Testing;

namespace EdgeSentiment.Core.Tests.Inference;

/// <summary>
/// The shipped models, run by ONNX Runtime through the C# pipeline, give the window scores the
/// training script recorded in PyTorch (models/reference-scores.json), within the tolerance the
/// file states for each precision; and the int8 and fp32 models agree with each other.
/// </summary>
public sealed class ReferenceScoresTests
{
    private static readonly string[] Labels = ["negative", "neutral", "positive"];

    [Theory]
    [InlineData("fp32")]
    [InlineData("int8")]
    public void ShippedModel_MatchesTheTrainingReference(string precision)
    {
        using var reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Models, "reference-scores.json")));
        var tolerance = reference.RootElement.GetProperty("tolerance").GetProperty(precision).GetDouble();
        using var analyzer = RecordingAnalyzer.Load(Path.Combine(RepositoryPaths.Models, $"sentiment-{precision}.onnx"));

        foreach (var file in reference.RootElement.GetProperty("files").EnumerateArray())
        {
            var path = Path.Combine(RepositoryPaths.Root, file.GetProperty("file").GetString()!);
            var result = analyzer.Analyze(AudioLoader.LoadMono(path));
            var expected = file.GetProperty("windows");
            Assert.Equal(expected.GetArrayLength(), result.Windows.Count);
            for (var i = 0; i < result.Windows.Count; i++)
            {
                var window = result.Windows[i];
                Assert.Equal(expected[i].GetProperty("startSeconds").GetDouble(), window.Start.TotalSeconds, 3);
                var probabilities = expected[i].GetProperty("probabilities");
                Assert.InRange(window.Scores.Negative - probabilities.GetProperty(Labels[0]).GetDouble(), -tolerance, tolerance);
                Assert.InRange(window.Scores.Neutral - probabilities.GetProperty(Labels[1]).GetDouble(), -tolerance, tolerance);
                Assert.InRange(window.Scores.Positive - probabilities.GetProperty(Labels[2]).GetDouble(), -tolerance, tolerance);
            }
        }
    }

    [Fact]
    public void Int8AndFp32_AgreeOnEverySampleWindow()
    {
        using var reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Models, "reference-scores.json")));
        var tolerance = reference.RootElement.GetProperty("tolerance").GetProperty("int8").GetDouble();
        using var int8 = RecordingAnalyzer.Load(Path.Combine(RepositoryPaths.Models, "sentiment-int8.onnx"));
        using var fp32 = RecordingAnalyzer.Load(Path.Combine(RepositoryPaths.Models, "sentiment-fp32.onnx"));

        foreach (var name in new[] { "negative-angry.wav", "neutral.wav", "positive-happy.wav" })
        {
            var audio = AudioLoader.LoadMono(RepositoryPaths.Sample(name));
            var a = int8.Analyze(audio);
            var b = fp32.Analyze(audio);
            for (var i = 0; i < a.Windows.Count; i++)
            {
                Assert.InRange(a.Windows[i].Scores.Negative - b.Windows[i].Scores.Negative, -tolerance, tolerance);
                Assert.InRange(a.Windows[i].Scores.Neutral - b.Windows[i].Scores.Neutral, -tolerance, tolerance);
                Assert.InRange(a.Windows[i].Scores.Positive - b.Windows[i].Scores.Positive, -tolerance, tolerance);
            }

            Assert.Equal(b.Verdict!.Label, a.Verdict!.Label);
        }
    }
}
