using System.Text.Json;
using EdgeSentiment.Core.Text;

namespace EdgeSentiment.Core.Tests.Text;

/// <summary>Checks a text model against the PyTorch scores its training wrote (text-reference-scores.json).</summary>
internal static class TextReference
{
    public static void AssertMatches(string folder)
    {
        using var reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "text-reference-scores.json")));
        var tolerance = reference.RootElement.GetProperty("tolerance").GetDouble();
        using var classifier = TextSentimentClassifier.Load(Path.Combine(folder, reference.RootElement.GetProperty("model").GetString()!));
        Assert.Equal(reference.RootElement.GetProperty("version").GetString(), classifier.Version);

        var texts = reference.RootElement.GetProperty("texts");
        Assert.True(texts.GetArrayLength() >= 10);
        foreach (var text in texts.EnumerateArray())
        {
            var scores = classifier.Classify(text.GetProperty("text").GetString()!);
            var expected = text.GetProperty("probabilities");
            Assert.InRange(scores.Negative - expected[0].GetDouble(), -tolerance, tolerance);
            Assert.InRange(scores.Neutral - expected[1].GetDouble(), -tolerance, tolerance);
            Assert.InRange(scores.Positive - expected[2].GetDouble(), -tolerance, tolerance);
        }
    }
}
